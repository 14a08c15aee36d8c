/**
 * HAProxy backend → Traefik IngressRoutes, by the Host its health check sends. hapscope does not read
 * haproxy.cfg today, so the caller passes the backend → host map it knows; backends without a host are skipped.
 */
import { normalizeHost } from '@/lib/health/server-address';
import type { IngressRouteInfo } from '@/lib/health/topology';

export interface BackendRoutes {
  backend: string;
  host: string;
  /** `namespace/name` of every IngressRoute matching the host. */
  routes: string[];
}

export function mapBackendsToRoutes(
  backendHosts: ReadonlyMap<string, string>,
  routes: readonly IngressRouteInfo[],
): BackendRoutes[] {
  const byHost = new Map<string, string[]>();
  for (const route of routes) {
    for (const host of route.hosts) {
      const key = normalizeHost(host);
      const names = byHost.get(key) ?? [];
      const name = `${route.namespace}/${route.name}`;
      if (!names.includes(name)) names.push(name);
      byHost.set(key, names);
    }
  }
  return [...backendHosts].map(([backend, host]) => ({
    backend,
    host,
    routes: byHost.get(normalizeHost(host)) ?? [],
  }));
}

/** Hosts named in a Traefik match rule: ``Host(`a.example.com`) && PathPrefix(`/`)``, ``Host(`a`, `b`)``. */
export function hostsFromMatch(match: string): string[] {
  const hosts: string[] = [];
  for (const call of match.matchAll(/\bHost\(([^)]*)\)/g)) {
    for (const quoted of call[1]!.matchAll(/[`"']([^`"']+)[`"']/g)) hosts.push(quoted[1]!);
  }
  return hosts;
}
