import { describe, expect, test } from 'vitest';
import {
  formatAge,
  formatBytes,
  formatDuration,
  formatIn,
  formatMs,
  formatNumber,
  formatPct,
  formatPerSecond,
  formatRatio,
  formatShare,
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

test.each([
  [null, '–'],
  [-1, '–'],
  [0, '0 B'],
  [1023, '1023 B'],
  [1024, '1.0 KiB'],
  [1536, '1.5 KiB'],
  [102_297, '99.9 KiB'],
  [102_400, '100 KiB'],
  [1_048_575, '1.0 MiB'],
  [12.3 * 1024 * 1024, '12.3 MiB'],
  [740 * 1024 ** 3, '740 GiB'],
  [3 * 1024 ** 5, '3.0 PiB'],
  [5000 * 1024 ** 5, '5000 PiB'],
])('formatBytes(%s) = %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test.each([
  [null, '–'],
  [0, '0/s'],
  [0.001, '<0.01/s'],
  [0.25, '0.25/s'],
  [3.5, '3.5/s'],
  [9.96, '10/s'],
  [1234.4, '1,234/s'],
])('formatPerSecond(%s) = %s', (rate, text) => {
  expect(formatPerSecond(rate)).toBe(text);
});

test.each([
  [null, '–'],
  [0, '0%'],
  [0.42, '0.4%'],
  [4.8, '4.8%'],
  [12.4, '12%'],
  [100, '100%'],
])('formatShare(%s) = %s', (pct, text) => {
  expect(formatShare(pct)).toBe(text);
});
