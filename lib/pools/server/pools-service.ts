import 'server-only';
import type { Identity } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { visibleTarget } from '@/lib/access/share-target';
import type { PoolLatencyDto, PoolsDto } from '@/lib/api/pools-dto';
import type { RoutesDto } from '@/lib/api/routes-dto';
import { toPoolDto } from '@/lib/api/to-pool-dto';
import { pickResolution, type TimeRange } from '@/lib/health/time-range';
import type { Backend } from '@/lib/health/types';
import { latencyBucketMs, latencyBuckets } from '@/lib/history/pool-latency-buckets';
import { toPoolLatencyDto } from '@/lib/history/server/to-pool-latency-dto';
import type { Store } from '@/lib/store';
import { narrowPools } from '../narrow-pools';
import type { PoolsModel, PoolsView } from './pools-model';
import { toRoutesDto } from './routes-service';

/** What the pool reads need of the runtime. */
export interface PoolsParts {
  poolsView(now: number): PoolsView;
  store: Pick<Store, 'history' | 'retention'>;
  pools: Pick<PoolsModel, 'routing'>;
  backends(): Backend[];
}

export function toPoolsDto(view: PoolsView, now: number): Omit<PoolsDto, keyof RoutesDto> {
  return {
    generatedAt: new Date(now).toISOString(),
    pools: view.pools.map((pool) => toPoolDto(pool, view.withCluster)),
    kubernetes: view.kubernetes,
  };
}

/** Viewers, and the share links of the pool panels (answered with their own pool only). */
export const POOLS_READ: ShareableRead = {
  role: 'viewer',
  share: (scope) => shareReadsApi(scope, 'pools', null),
};

/** GET /api/v1/pools; a share link sees its own pool only (narrow-pools.ts). */
export function getPools(
  { poolsView, pools, backends }: Pick<PoolsParts, 'poolsView' | 'pools' | 'backends'>,
  now: number,
  who?: Identity,
): PoolsDto {
  const view = poolsView(now);
  const dto = { ...toPoolsDto(view, now), ...toRoutesDto(pools.routing(backends(), view)) };
  return narrowPools(dto, visibleTarget(who));
}

/**
 * GET /api/v1/pools/{pool}/latency, from the stored samples of servers whose stored pool is this one. A pool the
 * live view knows but the store has no server of (new, or nodes only) answers empty buckets; neither: null (404).
 */
export async function getPoolLatency(
  { store, poolsView }: Pick<PoolsParts, 'store' | 'poolsView'>,
  pool: string,
  range: TimeRange,
  now: number,
): Promise<PoolLatencyDto | null> {
  const stored = await store.history.poolCheckDurations(pool, range);
  if (!stored && !poolsView(now).pools.some((p) => p.name === pool)) return null;
  const resolution = stored?.resolution ?? pickResolution(range, now, store.retention);
  const bucketMs = latencyBucketMs(range, resolution);
  const points = latencyBuckets(stored?.readings ?? [], range, bucketMs);
  return toPoolLatencyDto(pool, range, resolution, bucketMs, points);
}
