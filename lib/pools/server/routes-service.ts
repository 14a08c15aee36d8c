import 'server-only';
import type { RoutesDto } from '@/lib/api/routes-dto';
import type { Backend } from '@/lib/health/types';
import type { PoolsModel, PoolsView, RoutingView } from './pools-model';

/** The routing view as its wire shape (added to GET /api/v1/pools); copies, so callers cannot share arrays. */
export function toRoutesDto(view: RoutingView): RoutesDto {
  return {
    routes: view.backends.map((b) => ({
      backend: b.backend,
      host: b.host,
      instances: [...b.instances],
      ingressRoutes: [...b.ingressRoutes],
      pools: b.pools.map((p) => ({ pool: p.pool, traefikLocal: p.traefikLocal, servers: [...p.servers] })),
    })),
    poolServices: view.poolServices.map((p) => ({ pool: p.pool, services: [...p.services] })),
  };
}

/** What the routing read needs of the runtime. */
export interface RoutesParts {
  pools: Pick<PoolsModel, 'routing'>;
  poolsView(now: number): PoolsView;
  backends(): Backend[];
}

/** GET /api/v1/routes: every BACKEND_HOSTS backend's routing, or only `backend`'s (and the pools it touches). */
export function getRoutes(parts: RoutesParts, now: number, backend?: string): RoutesDto {
  const dto = toRoutesDto(parts.pools.routing(parts.backends(), parts.poolsView(now)));
  if (backend === undefined) return dto;
  const routes = dto.routes.filter((r) => r.backend === backend);
  const pools = new Set(routes.flatMap((r) => r.pools.map((p) => p.pool)));
  return { routes, poolServices: dto.poolServices.filter((p) => pools.has(p.pool)) };
}
