import { expect, test } from 'vitest';
import { formatBytesRate, formatEventRate } from './chart-format';

test.each([
  [0, '0 B/s'],
  [950, '950 B/s'],
  [1000, '1.0 kB/s'],
  [12_345, '12 kB/s'],
  [1_300_000, '1.3 MB/s'],
  [2.5e9, '2.5 GB/s'],
])('%d bytes a second read %s', (n, text) => {
  expect(formatBytesRate(n)).toBe(text);
});

test.each([
  [0, '0/s'],
  [1 / 60, '0.017/s'],
  [0.5, '0.5/s'],
  [3, '3/s'],
  [12.34, '12.3/s'],
])('%d errors a second read %s', (n, text) => {
  expect(formatEventRate(n)).toBe(text);
});
