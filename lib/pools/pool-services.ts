/**
 * The lbpool Services each location serves: k3s ServiceLB runs a Service labelled
 * `svccontroller.k3s.cattle.io/lbpool=<pool>` only on that pool's nodes, so these are what its svclb pods forward.
 */
import type { LbServiceInfo } from '@/lib/health/topology';

export interface PoolServices {
  pool: string;
  /** `namespace/name`, sorted. */
  services: string[];
}

export function servicesByPool(services: readonly LbServiceInfo[]): PoolServices[] {
  const byPool = new Map<string, Set<string>>();
  for (const { pool, namespace, name } of services) {
    const names = byPool.get(pool) ?? new Set<string>();
    byPool.set(pool, names.add(`${namespace}/${name}`));
  }
  return [...byPool]
    .map(([pool, names]) => ({ pool, services: [...names].sort() }))
    .sort((a, b) => a.pool.localeCompare(b.pool));
}
