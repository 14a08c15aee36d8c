import { expect, test } from 'vitest';
import { latencyPercentiles } from './latency-percentiles';
import { LatencyWindow } from '@/lib/pools/latency-window';

test.each([
  [[], { p50: null, p95: null, max: null }],
  [[7], { p50: 7, p95: 7, max: 7 }],
  [[3, 1, 2], { p50: 2, p95: 3, max: 3 }],
  [[1, 2, 3, 4], { p50: 2, p95: 4, max: 4 }],
  [Array.from({ length: 100 }, (_, i) => 100 - i), { p50: 50, p95: 95, max: 100 }],
  [[...Array.from({ length: 19 }, () => 5), 900], { p50: 5, p95: 5, max: 900 }],
  [[...Array.from({ length: 18 }, () => 5), 800, 900], { p50: 5, p95: 800, max: 900 }],
])('percentiles of %j', (values, expected) => {
  expect(latencyPercentiles(values)).toEqual(expected);
});

test('the window keeps the last samples within its time span', () => {
  const window = new LatencyWindow(5 * 60_000, 4);
  for (let i = 0; i < 6; i++) window.add('a', i * 60_000, i);
  expect(window.values('a', 5 * 60_000).sort()).toEqual([2, 3, 4, 5]);
  expect(window.values('a', 8 * 60_000).sort()).toEqual([3, 4, 5]);
  expect(window.values('unknown', 0)).toEqual([]);
  window.retain((key) => key === 'b');
  expect(window.values('a', 5 * 60_000)).toEqual([]);
});
