import { expect, test } from 'vitest';
import type { HistoryRange } from '@/lib/api/urls';
import { bucketCountFor, rangeInterval, rangeSpanMs, refreshMsFor } from './range-pace';

const preset = (p: '15m' | '1h' | '6h' | '24h' | '7d' | '30d'): HistoryRange => ({
  kind: 'preset',
  preset: p,
});

test.each([
  ['15m', 900_000, 60, 5_000],
  ['1h', 3_600_000, 60, 5_000],
  ['6h', 21_600_000, 72, 15_000],
  ['24h', 86_400_000, 96, 30_000],
  ['7d', 604_800_000, 84, 60_000],
  ['30d', 2_592_000_000, 90, 60_000],
] as const)('%s spans %d ms in %d cells, refreshed every %d ms', (p, span, cells, refresh) => {
  expect(rangeSpanMs(preset(p))).toBe(span);
  expect(bucketCountFor(preset(p))).toBe(cells);
  expect(refreshMsFor(preset(p))).toBe(refresh);
});

test('a custom range is fixed: its own window, 60 cells, never refreshed', () => {
  const custom: HistoryRange = { kind: 'custom', from: 10, to: 20 };
  expect(rangeInterval(custom, 1_000_000)).toEqual({ from: 10, to: 20 });
  expect(rangeSpanMs(custom)).toBe(10);
  expect(bucketCountFor(custom)).toBe(60);
  expect(refreshMsFor(custom)).toBe(0);
});

test('a preset ends now', () => {
  expect(rangeInterval(preset('1h'), 5_000_000)).toEqual({ from: 1_400_000, to: 5_000_000 });
});
