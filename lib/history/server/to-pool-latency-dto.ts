import 'server-only';
/** GET /api/v1/pools/{pool}/latency's answer from the buckets (shape in lib/api/schemas/pools.ts). */
import type { PoolLatencyDto } from '@/lib/api/pools-dto';
import type { Interval } from '@/lib/health/history-types';
import type { Resolution } from '@/lib/health/time-range';
import type { LatencyPoint } from '@/lib/history/pool-latency-buckets';

const iso = (ms: number) => new Date(ms).toISOString();

export function toPoolLatencyDto(
  pool: string,
  range: Interval,
  resolution: Resolution,
  bucketMs: number,
  points: readonly LatencyPoint[],
): PoolLatencyDto {
  return {
    pool,
    from: iso(range.from),
    to: iso(range.to),
    resolution,
    bucketMs,
    points: points.map((p) => ({ at: iso(p.at), p50: p.p50, p95: p.p95, max: p.max, samples: p.samples })),
  };
}
