/**
 * Per location pool: its nodes, svclb and Traefik pods, the HAProxy servers placed on it and their check latency.
 * `traefikLocal: false` is the failure this product exists for: svclb forwarding to a Traefik in another location.
 */
import { latencyPercentiles, type LatencyPercentiles } from './latency-percentiles';
import { UNASSIGNED_POOL, type ClusterTopology, type TopologyPod } from './topology';
import type { Backend, ServerStatus } from './types';

export interface PoolNode {
  name: string;
  ready: boolean;
  cordoned: boolean;
  addresses: string[];
}

export interface PoolServer {
  instance: string;
  backend: string;
  server: string;
  status: ServerStatus;
  node: string | null;
  backup: boolean;
  checkDurationMs: number | null;
}

export interface PoolBackend {
  instance: string;
  backend: string;
  up: number;
  down: number;
  total: number;
  /** The backend (as a whole, not only this pool) has no usable active server and runs on backups. */
  servingFromBackup: boolean;
  /** Check durations of this backend's servers in this pool over the latency window. */
  checkLatencyMs: LatencyPercentiles;
}

export interface PoolHealth {
  name: string;
  nodes: PoolNode[];
  servers: PoolServer[];
  backends: PoolBackend[];
  svclbReady: number;
  svclbTotal: number;
  traefikReady: number;
  traefikTotal: number;
  traefikLocal: boolean;
  checkLatencyMs: LatencyPercentiles;
  up: number;
  down: number;
  /** At least one of its servers is flapping. */
  flapping: boolean;
  /** Distinct servers (backend/server: one server seen through two sources counts once) flapping now. */
  flappingServers: number;
  uptimePct: number | null;
}

export interface PoolHealthInput {
  /** null without Kubernetes: pools then come from servers' static pool names only. */
  topology: ClusterTopology | null;
  /** Node name → pool name (NodeIndex.poolOf). */
  poolOf: ReadonlyMap<string, string>;
  backends: readonly Backend[];
  /** Recent check durations of one server (the pools model keeps the ring). */
  latencyOf: (instance: string, backend: string, server: string) => readonly number[];
  uptimeOf?: (pool: string) => number | null;
  /** Whether a server is flapping now (the alert engine's flap scores); without it none is. */
  isFlapping?: (instance: string, backend: string, server: string) => boolean;
}

export function buildPoolHealth(input: PoolHealthInput): PoolHealth[] {
  const pools = new Map<string, PoolHealth>();
  const pool = (name: string) => {
    let found = pools.get(name);
    if (!found) pools.set(name, (found = emptyPool(name, input.uptimeOf?.(name) ?? null)));
    return found;
  };
  const topology = input.topology;
  if (topology) {
    for (const node of topology.nodes) {
      pool(input.poolOf.get(node.name) ?? UNASSIGNED_POOL).nodes.push({
        name: node.name,
        ready: node.ready,
        cordoned: node.cordoned,
        addresses: node.addresses.map((a) => a.address).filter((a, i, all) => all.indexOf(a) === i),
      });
    }
    countPods(topology.svclbPods, input.poolOf, pool, (p, ready) => {
      p.svclbTotal++;
      if (ready) p.svclbReady++;
    });
    countPods(topology.traefikPods, input.poolOf, pool, (p, ready) => {
      p.traefikTotal++;
      if (ready) p.traefikReady++;
    });
  }
  const durations = new Map<string, number[]>();
  for (const backend of input.backends) addBackend(backend, pool, durations, input.latencyOf);
  for (const [name, values] of durations) pools.get(name)!.checkLatencyMs = latencyPercentiles(values);
  const flapping = flappingByPool(input);
  return [...pools.values()]
    .map((p) => {
      const flappingServers = flapping.get(p.name)?.size ?? 0;
      return { ...p, traefikLocal: p.traefikReady > 0, flapping: flappingServers > 0, flappingServers };
    })
    .sort((a, b) => poolOrder(a.name) - poolOrder(b.name) || a.name.localeCompare(b.name));
}

function addBackend(
  backend: Backend,
  pool: (name: string) => PoolHealth,
  durations: Map<string, number[]>,
  latencyOf: PoolHealthInput['latencyOf'],
): void {
  const perPool = new Map<string, PoolBackend>();
  const perPoolDurations = new Map<PoolBackend, number[]>();
  for (const server of backend.servers) {
    if (server.pool === null) continue;
    const target = pool(server.pool);
    target.servers.push({
      instance: backend.instance,
      backend: backend.name,
      server: server.name,
      status: server.status,
      node: server.node,
      backup: server.backup,
      checkDurationMs: server.check.durationMs,
    });
    let row = perPool.get(server.pool);
    if (!row) {
      row = {
        instance: backend.instance,
        backend: backend.name,
        up: 0,
        down: 0,
        total: 0,
        servingFromBackup: backend.servingFromBackup,
        checkLatencyMs: { p50: null, p95: null, max: null },
      };
      perPool.set(server.pool, row);
      target.backends.push(row);
    }
    row.total++;
    if (server.status === 'UP') {
      row.up++;
      target.up++;
    } else if (server.status === 'DOWN') {
      row.down++;
      target.down++;
    }
    let values = durations.get(server.pool);
    if (!values) durations.set(server.pool, (values = []));
    let rowValues = perPoolDurations.get(row);
    if (!rowValues) perPoolDurations.set(row, (rowValues = []));
    for (const value of latencyOf(backend.instance, backend.name, server.name)) {
      values.push(value);
      rowValues.push(value);
    }
  }
  for (const [row, rowValues] of perPoolDurations) row.checkLatencyMs = latencyPercentiles(rowValues);
}

function flappingByPool(input: PoolHealthInput): Map<string, Set<string>> {
  const byPool = new Map<string, Set<string>>();
  const isFlapping = input.isFlapping;
  if (!isFlapping) return byPool;
  for (const backend of input.backends) {
    for (const server of backend.servers) {
      if (server.pool === null || !isFlapping(backend.instance, backend.name, server.name)) continue;
      const names = byPool.get(server.pool) ?? new Set<string>();
      byPool.set(server.pool, names.add(`${backend.name}/${server.name}`));
    }
  }
  return byPool;
}

function countPods(
  pods: readonly TopologyPod[],
  poolOf: ReadonlyMap<string, string>,
  pool: (name: string) => PoolHealth,
  count: (p: PoolHealth, ready: boolean) => void,
): void {
  for (const pod of pods) {
    // A pod not (yet) scheduled, or on a node we do not know, belongs to no location.
    const name = pod.node === null ? undefined : poolOf.get(pod.node);
    if (name !== undefined) count(pool(name), pod.ready);
  }
}

function emptyPool(name: string, uptimePct: number | null): PoolHealth {
  return {
    name,
    nodes: [],
    servers: [],
    backends: [],
    svclbReady: 0,
    svclbTotal: 0,
    traefikReady: 0,
    traefikTotal: 0,
    traefikLocal: false,
    checkLatencyMs: { p50: null, p95: null, max: null },
    up: 0,
    down: 0,
    flapping: false,
    flappingServers: 0,
    uptimePct,
  };
}

const poolOrder = (name: string) => (name === UNASSIGNED_POOL ? 1 : 0);
