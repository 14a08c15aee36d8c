import 'server-only';
/**
 * The join of HAProxy and Kubernetes: after each successful poll the collector hands us the backends and we fill
 * `server.node` / `server.pool` and remember check durations; GET /api/v1/pools reads the pool health from here.
 */
import { toPoolDto, type PoolsDto } from '@/lib/api/pools-dto';
import type { Config } from '@/lib/config';
import { loadTopologyConfig, type TopologyConfig } from '@/lib/config/topology-file';
import { mapBackendsToRoutes, type BackendRoutes } from '@/lib/health/backend-routes';
import {
  buildNodeIndex,
  buildRuleIndex,
  placeServer,
  type NodeIndex,
  type RuleIndex,
} from '@/lib/health/correlate';
import { LatencyWindow } from '@/lib/health/latency-window';
import { buildPoolHealth } from '@/lib/health/pool-health';
import type { Backend } from '@/lib/health/types';
import { connectK8s, type K8sConnection } from '@/lib/k8s';
import type { Collector } from './collector';
import { getUptime } from '@/lib/store';

export const LATENCY_WINDOW_MS = 5 * 60_000;

export class TopologyGlue {
  readonly latency: LatencyWindow;
  private readonly rules: RuleIndex;
  private index: NodeIndex | null = null;
  private indexVersion = -1;

  constructor(
    readonly connection: K8sConnection,
    private readonly topology: TopologyConfig,
    private readonly poolLabels: readonly string[],
    pollIntervalMs: number,
    private readonly uptimeOf: (pool: string) => number | null = () => null,
  ) {
    this.rules = buildRuleIndex(topology.serverOverrides, topology.staticPools);
    // One sample per poll covers the window; capped so 20,000 servers stay within a few tens of MB.
    this.latency = new LatencyWindow(
      LATENCY_WINDOW_MS,
      Math.min(150, Math.ceil(LATENCY_WINDOW_MS / pollIntervalMs)),
    );
  }

  /** Fills node and pool of every server of one source's poll and records its check durations. */
  decorate(instance: string, backends: Backend[], at: number): void {
    const index = this.nodeIndex();
    const seen = new Set<string>();
    for (const backend of backends) {
      for (const server of backend.servers) {
        const ref = { instance, backend: backend.name, server: server.name, address: server.address };
        const placement = placeServer(ref, index, this.rules);
        server.node = placement.node;
        server.pool = placement.pool;
        const key = latencyKey(instance, backend.name, server.name);
        seen.add(key);
        if (server.check.durationMs !== null) this.latency.add(key, at, server.check.durationMs);
      }
    }
    const prefix = `${instance}\u0000`;
    this.latency.retain((key) => !key.startsWith(prefix) || seen.has(key));
  }

  pools(backends: readonly Backend[], now: number): PoolsDto {
    const source = this.connection.source;
    const index = this.nodeIndex();
    const pools = buildPoolHealth({
      topology: index && source ? source.topology() : null,
      poolOf: index?.poolOf ?? new Map(),
      backends,
      latencyOf: (instance, backend, server) =>
        this.latency.values(latencyKey(instance, backend, server), now),
      uptimeOf: this.uptimeOf,
    });
    return {
      generatedAt: new Date(now).toISOString(),
      pools: pools.map((pool) => toPoolDto(pool, index !== null)),
      kubernetes: this.connection.status(),
    };
  }

  /** HAProxy backends → IngressRoutes, for the backends BACKEND_HOSTS names. */
  backendRoutes(): BackendRoutes[] {
    return mapBackendsToRoutes(
      this.topology.backendHosts,
      this.connection.source?.topology().ingressRoutes ?? [],
    );
  }

  /** Rebuilt only when the topology changed; null until Kubernetes has delivered a first topology. */
  private nodeIndex(): NodeIndex | null {
    const source = this.connection.source;
    if (!source || source.version === 0) return null;
    if (source.version !== this.indexVersion) {
      this.index = buildNodeIndex(source.topology().nodes, this.poolLabels);
      this.indexVersion = source.version;
    }
    return this.index;
  }
}

const latencyKey = (instance: string, backend: string, server: string) =>
  `${instance}\u0000${backend}\u0000${server}`;

// One per process, like the collector (route bundles and instrumentation share globalThis).
const holder = globalThis as typeof globalThis & { __hapscopeTopology?: TopologyGlue };

export function getTopologyGlue(config: Config): TopologyGlue {
  return (holder.__hapscopeTopology ??= new TopologyGlue(
    connectK8s(config),
    loadTopologyConfig(process.env, process.cwd()),
    config.poolLabels,
    config.pollIntervalMs,
    poolUptimeLookup(),
  ));
}

/** The Collector's `decorate` hook. */
export function topologyDecorator(config: Config) {
  return (backends: Backend[], instance: string, at: number) =>
    getTopologyGlue(config).decorate(instance, backends, at);
}

/** GET /api/v1/pools. */
export function poolsDto(collector: Collector, now: number): PoolsDto {
  const backends = collector.states.flatMap((state) => state.backends ?? []);
  return getTopologyGlue(collector.config).pools(backends, now);
}

const UPTIME_RANGE_MS = 24 * 3600_000;
const UPTIME_REFRESH_MS = 60_000;

/**
 * Pool uptime over the last 24 h from the history store, recomputed at most once a minute (it reads every
 * server's timeline). A failing store gives null: the pools view must not depend on history.
 */
export function poolUptimeLookup(clock: () => number = Date.now): (pool: string) => number | null {
  let cached: { at: number; byPool: Map<string, number | null> } | null = null;
  return (pool) => {
    const now = clock();
    if (!cached || now - cached.at >= UPTIME_REFRESH_MS) {
      let byPool = new Map<string, number | null>();
      try {
        const report = getUptime({ from: now - UPTIME_RANGE_MS, to: now });
        byPool = new Map(report.pools.map((p) => [p.pool, p.uptimePct]));
      } catch (error) {
        console.error('[hapscope] pool uptime unavailable:', (error as Error).message);
      }
      cached = { at: now, byPool };
    }
    return cached.byPool.get(pool) ?? null;
  };
}
