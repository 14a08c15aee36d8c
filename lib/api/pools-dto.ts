/**
 * Wire shapes of GET /api/v1/pools (shared/reference/api-v1.md); fields beyond the contract are additive:
 * cordoned, backends, traefik counts, up/down, uptimePct, warnings.
 */
import type { LatencyPercentiles } from '@/lib/health/latency-percentiles';
import type { PoolBackend, PoolHealth, PoolNode, PoolServer } from '@/lib/health/pool-health';
import { UNASSIGNED_POOL, type KubernetesStatus } from '@/lib/health/topology';

export type PoolNodeDto = PoolNode;
export type PoolServerDto = PoolServer;
export type PoolBackendDto = PoolBackend;

export interface PoolDto {
  name: string;
  nodes: PoolNodeDto[];
  servers: PoolServerDto[];
  svclbReady: number;
  svclbTotal: number;
  /** A Ready Traefik pod runs on a node of this pool. */
  traefikLocal: boolean;
  checkLatencyMs: LatencyPercentiles;
  /** At least one of its servers is flapping now. */
  flapping: boolean;
  /** How many distinct servers (backend/server) of the pool are flapping now. */
  flappingServers: number;
  backends: PoolBackendDto[];
  traefikReady: number;
  traefikTotal: number;
  up: number;
  down: number;
  /** From the history store when it has this pool; null otherwise. */
  uptimePct: number | null;
  /** Plain-language problems, most serious first. */
  warnings: string[];
}

export interface PoolsDto {
  generatedAt: string;
  pools: PoolDto[];
  kubernetes: KubernetesStatus;
}

export const POOLS_URL = '/api/v1/pools';

export function noLocalTraefikWarning(pool: string): string {
  return (
    `No Ready Traefik pod runs in ${pool}: its svclb pods forward to a Traefik in another location, so HAProxy ` +
    `health checks cross locations and flap. Run this location's Traefik (or fix it) before trusting these servers.`
  );
}

/** `withCluster`: the topology came from Kubernetes (without it, node and pod facts are unknown, not missing). */
export function toPoolDto(pool: PoolHealth, withCluster: boolean): PoolDto {
  return { ...pool, warnings: withCluster ? poolWarnings(pool) : [] };
}

function poolWarnings(pool: PoolHealth): string[] {
  const warnings: string[] = [];
  const servesTraffic = pool.svclbTotal > 0 || pool.servers.length > 0;
  if (!pool.traefikLocal && servesTraffic && pool.nodes.length > 0)
    warnings.push(noLocalTraefikWarning(pool.name));
  const notReady = pool.nodes.filter((n) => !n.ready).map((n) => n.name);
  if (notReady.length)
    warnings.push(`${notReady.length} of ${pool.nodes.length} nodes NotReady: ${notReady.join(', ')}`);
  if (pool.svclbReady < pool.svclbTotal)
    warnings.push(`svclb pods ready ${pool.svclbReady}/${pool.svclbTotal}`);
  const cordoned = pool.nodes.filter((n) => n.cordoned).map((n) => n.name);
  if (cordoned.length) warnings.push(`cordoned: ${cordoned.join(', ')}`);
  const unplaced = pool.servers.filter((s) => s.node === null).length;
  if (pool.name === UNASSIGNED_POOL && unplaced) {
    warnings.push(
      `${unplaced} HAProxy server(s) match no Kubernetes node: check node addresses or set SERVER_OVERRIDES`,
    );
  }
  return warnings;
}
