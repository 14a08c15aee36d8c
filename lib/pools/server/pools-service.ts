import 'server-only';
import { toPoolDto, type PoolsDto } from '@/lib/api/pools-dto';
import { getRuntime } from '@/lib/server/runtime';
import type { PoolsView } from './pools-model';

export function toPoolsDto(view: PoolsView, now: number): PoolsDto {
  return {
    generatedAt: new Date(now).toISOString(),
    pools: view.pools.map((pool) => toPoolDto(pool, view.withCluster)),
    kubernetes: view.kubernetes,
  };
}

/** GET /api/v1/pools. */
export function getPools(now: number): PoolsDto {
  return toPoolsDto(getRuntime().poolsView(now), now);
}
