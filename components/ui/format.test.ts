import { describe, expect, test } from 'vitest';
import {
  formatAge,
  formatDuration,
  formatIn,
  formatMs,
  formatNumber,
  formatPct,
  formatRatio,
} from './format';

describe('formatDuration', () => {
  test.each([
    [null, '–'],
    [-1, '–'],
    [0, '0s'],
    [59.9, '59s'],
    [60, '1m 00s'],
    [192, '3m 12s'],
    [3599, '59m 59s'],
    [3600, '1h 00m'],
    [7500, '2h 05m'],
    [86_399, '23h 59m'],
    [86_400, '1d 0h'],
    [4 * 86_400 + 3 * 3600 + 59, '4d 3h'],
  ])('%s s → %s', (sec, text) => {
    expect(formatDuration(sec)).toBe(text);
  });
});

describe('formatAge', () => {
  test.each([
    [null, 'never'],
    [0, 'just now'],
    [999, 'just now'],
    [2000, '2 s ago'],
    [59_999, '59 s ago'],
    [60_000, '1 min ago'],
    [3_600_000, '1 h ago'],
    [49 * 3_600_000, '2 d ago'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('formatIn', () => {
  test.each([
    [500, 'now'],
    [1001, 'in 2 s'],
    [61_000, 'in 2 min'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatIn(ms)).toBe(text);
  });
});

test.each([
  [null, '–'],
  [Number.NaN, '–'],
  [0, '0'],
  [1234567, '1,234,567'],
])('formatNumber(%s) = %s', (n, text) => {
  expect(formatNumber(n)).toBe(text);
});

test.each([
  [3.4, '3 ms'],
  [999, '999 ms'],
  [1450, '1.4 s'],
  [null, '–'],
])('formatMs(%s) = %s', (ms, text) => {
  expect(formatMs(ms)).toBe(text);
});

test('formatRatio joins parts and dashes unknown limits', () => {
  expect(formatRatio(3, 45, null)).toBe('3 / 45 / –');
  expect(formatRatio(1200, 3400)).toBe('1,200 / 3,400');
});

test.each([
  [null, '–'],
  [Number.NaN, '–'],
  [100, '100%'],
  [100.0001, '100%'],
  [99.996, '99.99%'],
  [99.999999, '99.99%'],
  [99.95, '99.95%'],
  [99.57, '99.57%'],
  [99.5, '99.50%'],
  [99, '99.00%'],
  [98.96, '98.9%'],
  [87.26, '87.2%'],
  [0.29, '0.2%'],
  [0, '0.0%'],
])('formatPct(%s) = %s, rounded down', (pct, text) => {
  expect(formatPct(pct)).toBe(text);
});
