/**
 * Which Traefik serves a backend: BACKEND_HOSTS gives its health-check Host, IngressRoutes matching that Host
 * route it, and the pools its servers are placed in say whose Traefik receives the traffic. A pool with the
 * backend's servers but no Ready Traefik of its own forwards to another location: the hop hapscope exists to show.
 */
import { mapBackendsToRoutes } from '@/lib/pools/backend-routes';
import type { PoolHealth } from '@/lib/health/pool-health';
import type { Backend } from '@/lib/health/types';
import { UNASSIGNED_POOL, type IngressRouteInfo } from '@/lib/health/topology';

export interface BackendRoutingPool {
  pool: string;
  /** A Ready Traefik runs in the pool; null when unknown (no Kubernetes, or servers placed on no node). */
  traefikLocal: boolean | null;
  /** Server names of the backend placed in this pool; one server seen through two sources counts once. */
  servers: string[];
}

/**
 * BACKEND_HOSTS names backends without a source, so a backend is grouped by name across every HAProxy source
 * that has it (`instances`), as a server seen twice is one server in a pool.
 */
export interface BackendRouting {
  backend: string;
  host: string;
  /** Sources (HAProxy instances) that report a backend of this name; empty when none does. */
  instances: string[];
  /** `namespace/name` of every IngressRoute (either Traefik API group) whose `Host(...)` is the host. */
  ingressRoutes: string[];
  pools: BackendRoutingPool[];
}

export interface BackendRoutingInput {
  backendHosts: ReadonlyMap<string, string>;
  ingressRoutes: readonly IngressRouteInfo[];
  /** Every source's backends: which instances have a backend, placed in a pool or not. */
  backends: readonly Pick<Backend, 'instance' | 'name'>[];
  /** Pool health now, with the servers placed in each pool. */
  pools: readonly PoolHealth[];
  /** Pool facts come from Kubernetes; without it Traefik locality is unknown, not false. */
  withCluster: boolean;
}

export function buildBackendRouting(input: BackendRoutingInput): BackendRouting[] {
  const placed = serversByBackend(input.pools);
  return mapBackendsToRoutes(input.backendHosts, input.ingressRoutes).map(({ backend, host, routes }) => {
    const instances = input.backends.filter((b) => b.name === backend).map((b) => b.instance);
    const pools = [...(placed.get(backend) ?? [])].map(([pool, servers]) => {
      const known = input.withCluster && pool.name !== UNASSIGNED_POOL;
      return { pool: pool.name, traefikLocal: known ? pool.traefikLocal : null, servers: [...servers] };
    });
    return { backend, host, instances: [...new Set(instances)].sort(), ingressRoutes: routes, pools };
  });
}

/** backend name → pool → its server names there, in pool order (one pass over every placed server). */
function serversByBackend(pools: readonly PoolHealth[]): Map<string, Map<PoolHealth, Set<string>>> {
  const byBackend = new Map<string, Map<PoolHealth, Set<string>>>();
  for (const pool of pools) {
    for (const { backend, server } of pool.servers) {
      let perPool = byBackend.get(backend);
      if (!perPool) byBackend.set(backend, (perPool = new Map()));
      let names = perPool.get(pool);
      if (!names) perPool.set(pool, (names = new Set()));
      names.add(server);
    }
  }
  return byBackend;
}
