import { expect, test } from 'vitest';
import { clockOffsetMs, toClientMs } from './snapshot-clock';

test('a poll 3 s before generation reads 3 s old on a browser clock 60 s ahead', () => {
  const offset = clockOffsetMs('2026-01-01T00:00:10.000Z', Date.parse('2026-01-01T00:01:10.000Z'));
  expect(offset).toBe(60_000);
  const polled = toClientMs('2026-01-01T00:00:07.000Z', offset);
  expect(Date.parse('2026-01-01T00:01:10.000Z') - (polled ?? 0)).toBe(3000);
});

test('missing or garbled times', () => {
  expect(toClientMs(null, 5)).toBeNull();
  expect(toClientMs('nope', 5)).toBeNull();
  expect(clockOffsetMs('nope', 5)).toBe(0);
});
