import { describe, expect, test } from 'vitest';
import {
  parseIntParam,
  parseTimeRange,
  pickResolution,
  RANGE_KEYS,
  rangeSubset,
  resolveTimeRange,
} from './time-range';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const q = (query: string) => new URLSearchParams(query);
const H = 3_600_000;

describe('parseTimeRange', () => {
  test.each([
    ['', NOW - 24 * H, null],
    ['range=15m', NOW - H / 4, '15m'],
    ['range=1h', NOW - H, '1h'],
    ['range=6h', NOW - 6 * H, '6h'],
    ['range=7d', NOW - 7 * 24 * H, '7d'],
    ['range=30d', NOW - 30 * 24 * H, '30d'],
  ])('"%s"', (query, from, label) => {
    const parsed = parseTimeRange(q(query), NOW, { fallback: '24h' });
    expect(parsed).toEqual({ ok: true, value: { from, to: NOW, label: label ?? '24h' } });
  });

  test('from/to as ISO or epoch ms', () => {
    const parsed = parseTimeRange(q(`from=2025-06-01T10:00:00Z&to=${NOW - H}`), NOW, { fallback: '24h' });
    expect(parsed).toEqual({ ok: true, value: { from: NOW - 2 * H, to: NOW - H, label: null } });
  });

  test('from alone runs to now', () => {
    const parsed = parseTimeRange(q('from=2025-06-01T11:00:00.000Z'), NOW, { fallback: '24h' });
    expect(parsed).toMatchObject({ ok: true, value: { from: NOW - H, to: NOW } });
  });

  test.each([
    ['range=2h', 'range'],
    ['range=1h&from=2025-06-01T10:00:00Z', 'range'],
    ['from=yesterday', 'from'],
    ['to=2025-13-45T99:00:00Z', 'to'],
    ['from=2025-06-01T11:00:00Z&to=2025-06-01T10:00:00Z', 'from'],
    ['to=2025-06-02T12:00:00Z', 'to'],
    ['from=2020-01-01T00:00:00Z', 'from'],
  ])('"%s" is refused, naming %s', (query, param) => {
    const parsed = parseTimeRange(q(query), NOW, { fallback: '24h' });
    expect(parsed).toMatchObject({ ok: false, param });
    if (!parsed.ok) expect(parsed.message.startsWith(`${param}:`)).toBe(true);
  });

  test.each([
    ['', 100],
    ['limit=5', 5],
  ])('parseIntParam "%s"', (query, value) => {
    expect(parseIntParam(q(query), 'limit', 100, { min: 1, max: 1000 })).toEqual({ ok: true, value });
  });

  test.each(['limit=0', 'limit=5000', 'limit=ten', 'limit=-1'])('parseIntParam refuses %s', (query) => {
    expect(parseIntParam(q(query), 'limit', 100, { min: 1, max: 1000 })).toMatchObject({
      ok: false,
      param: 'limit',
    });
  });
});

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

  test('an unknown preset names the whole table', () => {
    expect(parseTimeRange(q('range=2h'), NOW, { fallback: '24h' })).toMatchObject({
      message: 'range: must be one of 15m, 1h, 6h, 24h, 7d, 30d, got "2h"',
    });
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
