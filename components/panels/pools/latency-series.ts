/**
 * A pool's check latency over time from its servers' histories: samples fall into equal time bins and each bin
 * gets the p95 and the max of every server's check durations in it. Pure: the range is a parameter.
 */
import { latencyPercentiles } from '@/lib/health/latency-percentiles';

export interface LatencySample {
  /** ms since epoch */
  at: number;
  checkDurationMs: number | null;
  /** A rollup's own maximum, when the history came back at minute or hour resolution. */
  checkMsMax?: number | null;
}

export interface PoolLatencyPoint {
  t: number;
  p95: number | null;
  max: number | null;
  /** How many server samples fell in the bin. */
  samples: number;
}

export function poolLatencySeries(
  histories: readonly (readonly LatencySample[])[],
  range: { from: number; to: number },
  bins = 90,
): PoolLatencyPoint[] {
  const width = Math.max(1, (range.to - range.from) / bins);
  const values: number[][] = Array.from({ length: bins }, () => []);
  const maxima: (number | null)[] = Array.from({ length: bins }, () => null);
  for (const samples of histories) {
    for (const s of samples) {
      if (s.checkDurationMs === null || s.at < range.from || s.at > range.to) continue;
      const i = Math.min(bins - 1, Math.floor((s.at - range.from) / width));
      values[i]!.push(s.checkDurationMs);
      const top = Math.max(s.checkDurationMs, s.checkMsMax ?? 0);
      maxima[i] = Math.max(maxima[i] ?? 0, top);
    }
  }
  return values.map((v, i) => {
    const { p95 } = latencyPercentiles(v);
    return { t: Math.round(range.from + (i + 0.5) * width), p95, max: maxima[i] ?? null, samples: v.length };
  });
}
