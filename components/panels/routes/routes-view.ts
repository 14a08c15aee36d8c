/**
 * Words and tones for routing facts, kept out of the components so they are tested without a DOM. A pool that
 * carries a backend's servers without a Ready Traefik of its own is the cross-location hop: say it plainly.
 */
import type { BackendRoutingDto, BackendRoutingPoolDto, PoolServicesDto } from '@/lib/api/routes-dto';
import { UNASSIGNED_POOL } from '@/lib/health/topology';

export type HopTone = 'local' | 'cross-location' | 'unknown';

export interface HopView {
  tone: HopTone;
  /** The sentence for the backend page. */
  text: string;
  /** A table cell's worth, for the pool page (which already explains a missing Traefik above). */
  short: string;
}

export function describeHop(entry: BackendRoutingPoolDto): HopView {
  if (entry.traefikLocal === true)
    return { tone: 'local', text: `served by ${entry.pool}'s own Traefik`, short: 'local' };
  if (entry.traefikLocal === false) {
    return {
      tone: 'cross-location',
      text:
        `No Ready Traefik in ${entry.pool}: its svclb pods forward these requests to a Traefik in another ` +
        `location, a cross-location hop that makes health checks time out and flap`,
      short: 'NOT local: forwarded to another location',
    };
  }
  if (entry.pool === UNASSIGNED_POOL) {
    return {
      tone: 'unknown',
      text: 'these servers match no Kubernetes node: which Traefik serves them is unknown',
      short: 'unknown (no node)',
    };
  }
  return { tone: 'unknown', text: 'Traefik locality unknown: Kubernetes is not connected', short: 'unknown' };
}

/** One backend as the pool page shows it: what this pool's Traefik routes for it. */
export interface PoolRouteRow {
  backend: string;
  host: string;
  ingressRoutes: string[];
  servers: string[];
  hop: HopView;
}

export function poolRouteRows(pool: string, routes: readonly BackendRoutingDto[]): PoolRouteRow[] {
  return routes.flatMap((r) => {
    const here = r.pools.find((p) => p.pool === pool);
    if (!here) return [];
    return [
      {
        backend: r.backend,
        host: r.host,
        ingressRoutes: r.ingressRoutes,
        servers: here.servers,
        hop: describeHop(here),
      },
    ];
  });
}

export function poolServiceNames(pool: string, poolServices: readonly PoolServicesDto[]): string[] {
  return poolServices.find((p) => p.pool === pool)?.services ?? [];
}

export const BACKEND_HOSTS_HINT = (backend: string) =>
  `No health-check Host is configured for ${backend}: add ${backend}=<host> to BACKEND_HOSTS to link it to its Traefik IngressRoutes.`;
