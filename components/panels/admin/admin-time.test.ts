import { describe, expect, test } from 'vitest';
import { ago, formatSpan, formatWhen, relativeTo } from './admin-time';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('formatWhen', () => {
  test.each([
    ['2026-03-04T09:15:42.000Z', 'UTC', '2026-03-04 09:15'],
    ['2026-03-04T23:30:00.000Z', 'Europe/Berlin', '2026-03-05 00:30'],
    ['2026-03-04T00:05:00.000Z', 'America/New_York', '2026-03-03 19:05'],
    [null, 'UTC', '–'],
  ])('%s in %s reads %s', (iso, zone, text) => {
    expect(formatWhen(iso, { timeZone: zone })).toBe(text);
  });

  test('with seconds, for the audit log', () => {
    expect(formatWhen('2026-03-04T09:15:42.000Z', { seconds: true, timeZone: 'UTC' })).toBe(
      '2026-03-04 09:15:42',
    );
  });
});

describe('formatSpan and relativeTo', () => {
  test.each([
    [45_000, '45 s'],
    [12 * 60_000 + 59_000, '12 min'],
    [5 * 3_600_000, '5 h'],
    [47 * 3_600_000, '47 h'],
    [29 * 86_400_000 + 3_600_000, '29 d'],
  ])('%i ms is %s', (ms, text) => {
    expect(formatSpan(ms)).toBe(text);
  });

  test.each([
    ['2026-03-07T12:00:00.000Z', '3 d ago'],
    ['2026-04-08T12:00:00.000Z', 'in 29 d'],
    ['2026-03-10T11:58:30.000Z', '1 min ago'],
    ['2026-03-10T12:00:00.400Z', 'just now'],
    [null, 'never'],
  ])('%s is %s', (iso, text) => {
    expect(relativeTo(iso, NOW)).toBe(text);
  });
});

describe('ago', () => {
  test.each([
    ['2026-03-10T11:57:00.000Z', '3 min ago'],
    ['2026-03-10T12:00:03.000Z', 'just now'],
    [null, 'never'],
  ])('%s is %s', (iso, text) => {
    expect(ago(iso, NOW)).toBe(text);
  });
});
