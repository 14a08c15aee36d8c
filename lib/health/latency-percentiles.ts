export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  max: number | null;
}

/** Nearest-rank percentiles of check durations; all null when there is no sample. */
export function latencyPercentiles(values: readonly number[]): LatencyPercentiles {
  if (values.length === 0) return { p50: null, p95: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: rank(sorted, 50), p95: rank(sorted, 95), max: sorted[sorted.length - 1]! };
}

function rank(sorted: number[], percentile: number): number {
  const index = Math.max(0, Math.ceil((percentile / 100) * sorted.length) - 1);
  return sorted[index]!;
}
