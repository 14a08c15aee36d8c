import { describe, expect, test } from 'vitest';
import { latencyBucketMs, latencyBuckets } from './pool-latency-buckets';

const T0 = Date.parse('2025-06-01T10:00:00Z');
const MIN = 60_000;
const H = 60 * MIN;

describe('latencyBucketMs', () => {
  test.each([
    ['15m', 15 * MIN, 'raw', 10_000, 90],
    ['1h', H, 'raw', 30_000, 120],
    ['6h', 6 * H, 'minute', 5 * MIN, 72],
    ['24h', 24 * H, 'minute', 15 * MIN, 96],
    ['7d', 7 * 24 * H, 'hour', 2 * H, 84],
    ['30d', 30 * 24 * H, 'hour', 6 * H, 120],
  ] as const)('%s at %s resolution → %i ms (%i buckets)', (_label, span, resolution, step, count) => {
    expect(latencyBucketMs({ from: T0 - span, to: T0 }, resolution)).toBe(step);
    expect(span / step).toBe(count);
  });

  test('never finer than the stored samples', () => {
    expect(latencyBucketMs({ from: T0 - 15 * MIN, to: T0 }, 'hour')).toBe(H);
  });
});

describe('latencyBuckets', () => {
  test('each bucket: nearest-rank p50/p95 of its readings, the longest check, how many readings', () => {
    const readings = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((ms, i) => ({
      at: T0 + i * 1000,
      checkDurationMs: ms,
      checkDurationMaxMs: ms,
    }));
    readings.push({ at: T0 + 70_000, checkDurationMs: 7, checkDurationMaxMs: 45 });
    expect(latencyBuckets(readings, { from: T0, to: T0 + 3 * MIN }, MIN)).toEqual([
      { at: T0, p50: 50, p95: 100, max: 100, samples: 10 },
      { at: T0 + MIN, p50: 7, p95: 7, max: 45, samples: 1 },
      { at: T0 + 2 * MIN, p50: null, p95: null, max: null, samples: 0 },
    ]);
  });

  test('buckets start on multiples of the step; readings outside the range are left out', () => {
    const from = T0 + 20_000;
    const readings = [
      { at: T0 + 10_000, checkDurationMs: 99, checkDurationMaxMs: 99 },
      { at: T0 + 30_000, checkDurationMs: 5, checkDurationMaxMs: 5 },
      { at: T0 + 2 * MIN, checkDurationMs: 99, checkDurationMaxMs: 99 },
    ];
    expect(latencyBuckets(readings, { from, to: T0 + 2 * MIN }, MIN)).toEqual([
      { at: T0, p50: 5, p95: 5, max: 5, samples: 1 },
      { at: T0 + MIN, p50: null, p95: null, max: null, samples: 0 },
    ]);
  });
});
