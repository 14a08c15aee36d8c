import { describe, expect, test } from 'vitest';
import { pickResolution, RANGE_KEYS, rangeSubset, resolveTimeRange } from './time-range';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const H = 3_600_000;

describe('pickResolution', () => {
  const retention = { rawHours: 48, minuteDays: 30 };
  test.each([
    [H, NOW, 'raw'],
    [24 * H, NOW, 'minute'],
    [7 * 24 * H, NOW, 'hour'],
    [30 * 24 * H, NOW, 'hour'],
    [H, NOW - 3 * 24 * H, 'minute'],
    [H, NOW - 60 * 24 * H, 'hour'],
  ])('a span of %i ms ending at %i → %s', (span, to, resolution) => {
    expect(pickResolution({ from: to - span, to }, NOW, retention)).toBe(resolution);
  });
});

describe('one preset table', () => {
  test('every preset, in order', () => {
    expect(RANGE_KEYS).toEqual(['15m', '1h', '6h', '24h', '7d', '30d']);
  });

  test('a subset keeps the table order whatever order it is asked in', () => {
    expect(rangeSubset(['30d', '1h', '6h'])).toEqual(['1h', '6h', '30d']);
  });
});

describe('resolveTimeRange', () => {
  test.each([
    [{}, { from: NOW - 24 * H, to: NOW, label: '24h' }],
    [{ range: '6h' as const }, { from: NOW - 6 * H, to: NOW, label: '6h' }],
    [{ to: NOW - H }, { from: NOW - 25 * H, to: NOW - H, label: null }],
  ])('%j', (query, value) => {
    expect(resolveTimeRange(query, NOW, '24h')).toEqual({ ok: true, value });
  });
});
