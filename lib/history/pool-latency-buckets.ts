/**
 * A pool's check-latency history: stored check durations of its servers cut into 60-120 equal buckets, each
 * summarized with the domain's latencyPercentiles, so a p95 here is computed the way the live view computes it.
 * Pure.
 */
import type { Interval } from '@/lib/health/history-types';
import { latencyPercentiles, type LatencyPercentiles } from '@/lib/health/latency-percentiles';
import type { Resolution } from '@/lib/health/time-range';

export interface LatencyReading {
  at: number;
  checkDurationMs: number;
  /** A rollup's longest check; a raw sample's own duration. */
  checkDurationMaxMs: number;
}

export interface LatencyPoint extends LatencyPercentiles {
  /** Bucket start (epoch ms). */
  at: number;
  samples: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const STEPS = [10, 15, 30]
  .map((s) => s * SECOND)
  .concat(
    [1, 2, 5, 10, 15, 30].map((m) => m * MINUTE),
    [1, 2, 3, 6, 12, 24].map((h) => h * HOUR),
  );
const MAX_BUCKETS = 120;
const FINEST: Record<Resolution, number> = { raw: 0, minute: MINUTE, hour: HOUR };

/** The smallest round step that keeps the range within 120 buckets, and no finer than the stored samples. */
export function latencyBucketMs(range: Interval, resolution: Resolution): number {
  const span = range.to - range.from;
  const fits = STEPS.find((step) => step >= FINEST[resolution] && span / step <= MAX_BUCKETS);
  return fits ?? Math.ceil(span / MAX_BUCKETS / HOUR) * HOUR;
}

/**
 * Buckets start at multiples of the step (stable across refreshes) and cover the range; empty ones are kept with
 * nulls. p50 and p95 are over the readings (rollup means); max is the longest check seen.
 */
export function latencyBuckets(
  readings: readonly LatencyReading[],
  range: Interval,
  bucketMs: number,
): LatencyPoint[] {
  const first = Math.floor(range.from / bucketMs) * bucketMs;
  const count = Math.max(1, Math.ceil((range.to - first) / bucketMs));
  const values: number[][] = Array.from({ length: count }, () => []);
  const maxima: (number | null)[] = new Array<number | null>(count).fill(null);
  for (const reading of readings) {
    const index = Math.floor((reading.at - first) / bucketMs);
    if (index < 0 || index >= count || reading.at < range.from || reading.at >= range.to) continue;
    values[index]!.push(reading.checkDurationMs);
    maxima[index] = Math.max(maxima[index] ?? 0, reading.checkDurationMaxMs);
  }
  return values.map((bucket, i) => ({
    at: first + i * bucketMs,
    ...latencyPercentiles(bucket),
    max: maxima[i] ?? null,
    samples: bucket.length,
  }));
}
