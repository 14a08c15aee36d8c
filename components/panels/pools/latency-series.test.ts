import { expect, test } from 'vitest';
import { poolLatencySeries } from './latency-series';

const range = { from: 0, to: 100 };

test('each bin holds the p95 and max across every server of the pool', () => {
  const a = Array.from({ length: 20 }, (_, i) => ({ at: 10 + i * 0.1, checkDurationMs: i + 1 }));
  const b = [{ at: 15, checkDurationMs: 100 }];
  const series = poolLatencySeries([a, b], range, 4);
  expect(series.map((p) => p.t)).toEqual([13, 38, 63, 88]);
  expect(series[0]).toEqual({ t: 13, p95: 20, max: 100, samples: 21 });
  expect(series.slice(1).every((p) => p.p95 === null && p.max === null && p.samples === 0)).toBe(true);
});

test('samples without a check duration or outside the range are left out; rollup maxima count', () => {
  const series = poolLatencySeries(
    [
      [
        { at: 60, checkDurationMs: null },
        { at: -5, checkDurationMs: 999 },
        { at: 101, checkDurationMs: 999 },
        { at: 100, checkDurationMs: 7, checkMsMax: 45 },
      ],
    ],
    range,
    2,
  );
  expect(series).toEqual([
    { t: 25, p95: null, max: null, samples: 0 },
    { t: 75, p95: 7, max: 45, samples: 1 },
  ]);
});
