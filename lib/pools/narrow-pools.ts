/**
 * A share link's part of GET /api/v1/pools: a pool share sees its pool (and that pool's Services), every other
 * share target no pool; a share never sees the routing table (every backend's hosts and IngressRoutes). Pure.
 */
import type { ShareTarget } from '@/lib/access/share-target';
import type { PoolsDto } from '@/lib/api/pools-dto';

export function narrowPools(dto: PoolsDto, target: ShareTarget): PoolsDto {
  if (target.type === 'all') return dto;
  const pool = target.type === 'pool' ? target.pool : null;
  return {
    ...dto,
    pools: dto.pools.filter((p) => p.name === pool),
    routes: [],
    poolServices: dto.poolServices.filter((p) => p.pool === pool),
  };
}
