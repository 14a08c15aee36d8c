import 'server-only';
/**
 * The join of HAProxy and Kubernetes: after each successful poll the collector hands us the backends and we fill
 * `server.node` / `server.pool` and remember check durations; pool health (for the API, alerts, metrics and
 * badges) and routing (backends → IngressRoutes and pools' Traefik, pools → lbpool Services) are read from here.
 */
import type { TopologyConfig } from '@/lib/config/topology-file';
import { buildBackendRouting, type BackendRouting } from '@/lib/pools/backend-routing';
import { servicesByPool, type PoolServices } from '@/lib/pools/pool-services';
import {
  buildNodeIndex,
  buildRuleIndex,
  placeServer,
  type NodeIndex,
  type RuleIndex,
} from '@/lib/health/correlate';
import { LatencyWindow } from '@/lib/pools/latency-window';
import { buildPoolHealth, type PoolHealth, type PoolHealthInput } from '@/lib/health/pool-health';
import type { KubernetesStatus } from '@/lib/health/topology';
import type { Backend } from '@/lib/health/types';
import type { K8sConnection } from '@/lib/k8s';
import { backendKey, serverKey } from '@/lib/health/server-key';

export const LATENCY_WINDOW_MS = 5 * 60_000;

/** Pool health at one moment, as domain types. */
export interface PoolsView {
  pools: PoolHealth[];
  kubernetes: KubernetesStatus;
  /** The topology came from Kubernetes (without it, node and pod facts are unknown, not missing). */
  withCluster: boolean;
}

/** Who serves what: backends → IngressRoutes and pools' Traefik, pools → their lbpool Services. */
export interface RoutingView {
  backends: BackendRouting[];
  poolServices: PoolServices[];
}

export class PoolsModel {
  readonly latency: LatencyWindow;
  private readonly rules: RuleIndex;
  private index: NodeIndex | null = null;
  private indexVersion = -1;

  constructor(
    readonly connection: K8sConnection,
    private readonly topology: TopologyConfig,
    private readonly poolLabels: readonly string[],
    pollIntervalMs: number,
    private readonly lookups: Partial<Pick<PoolHealthInput, 'uptimeOf' | 'isFlapping'>> = {},
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
    const prefix = `${backendKey(instance, '')}`;
    this.latency.retain((key) => !key.startsWith(prefix) || seen.has(key));
  }

  pools(backends: readonly Backend[], now: number): PoolsView {
    const source = this.connection.source;
    const index = this.nodeIndex();
    const pools = buildPoolHealth({
      topology: index && source ? source.topology() : null,
      poolOf: index?.poolOf ?? new Map(),
      backends,
      latencyOf: (instance, backend, server) =>
        this.latency.values(latencyKey(instance, backend, server), now),
      uptimeOf: this.lookups.uptimeOf,
      isFlapping: this.lookups.isFlapping,
    });
    return { pools, kubernetes: this.connection.status(), withCluster: index !== null };
  }

  /** The backends BACKEND_HOSTS names with their IngressRoutes and pools, from the same pools view. */
  routing(backends: readonly Backend[], view: PoolsView): RoutingView {
    const topology = view.withCluster ? this.connection.source?.topology() : undefined;
    return {
      backends: buildBackendRouting({
        backendHosts: this.topology.backendHosts,
        ingressRoutes: topology?.ingressRoutes ?? [],
        backends,
        pools: view.pools,
        withCluster: view.withCluster,
      }),
      poolServices: servicesByPool(topology?.lbServices ?? []),
    };
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
  serverKey({ instance, backend, server });
