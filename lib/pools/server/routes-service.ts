import 'server-only';
import type { RoutesDto } from '@/lib/api/routes-dto';
import type { RoutingView } from './pools-model';

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
