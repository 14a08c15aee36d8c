/**
 * The pools API's mapper: domain pool health (lib/health) → wire DTO, field by field, plus the warnings a user
 * reads. Imports only pure modules, so it stays importable anywhere.
 */
import type { LatencyPercentiles } from '@/lib/health/latency-percentiles';
import type { PoolBackend, PoolHealth, PoolNode, PoolServer } from '@/lib/health/pool-health';
import { UNASSIGNED_POOL } from '@/lib/health/topology';
import { noLocalTraefikWarning } from './pools-dto';
import type { PoolBackendDto, PoolDto, PoolNodeDto, PoolServerDto } from './schemas/pools';

const toLatencyDto = ({ p50, p95, max }: LatencyPercentiles) => ({ p50, p95, max });

const toNodeDto = (node: PoolNode): PoolNodeDto => ({
  name: node.name,
  ready: node.ready,
  cordoned: node.cordoned,
  addresses: [...node.addresses],
});

const toServerDto = (s: PoolServer): PoolServerDto => ({
  instance: s.instance,
  backend: s.backend,
  server: s.server,
  status: s.status,
  node: s.node,
  backup: s.backup,
  checkDurationMs: s.checkDurationMs,
});

const toBackendDto = (b: PoolBackend): PoolBackendDto => ({
  instance: b.instance,
  backend: b.backend,
  up: b.up,
  down: b.down,
  total: b.total,
  servingFromBackup: b.servingFromBackup,
  checkLatencyMs: toLatencyDto(b.checkLatencyMs),
});

/** `withCluster`: the topology came from Kubernetes (without it, node and pod facts are unknown, not missing). */
export function toPoolDto(pool: PoolHealth, withCluster: boolean): PoolDto {
  return {
    name: pool.name,
    nodes: pool.nodes.map(toNodeDto),
    servers: pool.servers.map(toServerDto),
    svclbReady: pool.svclbReady,
    svclbTotal: pool.svclbTotal,
    traefikLocal: pool.traefikLocal,
    checkLatencyMs: toLatencyDto(pool.checkLatencyMs),
    flapping: pool.flapping,
    flappingServers: pool.flappingServers,
    backends: pool.backends.map(toBackendDto),
    traefikReady: pool.traefikReady,
    traefikTotal: pool.traefikTotal,
    up: pool.up,
    down: pool.down,
    uptimePct: pool.uptimePct,
    warnings: withCluster ? poolWarnings(pool) : [],
  };
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
