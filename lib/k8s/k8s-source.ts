/**
 * The cluster as hapscope needs it: nodes, svclb and Traefik pods, lbpool Services and IngressRoutes (both
 * Traefik API groups), each kept current by a watch. Readers get mapped topology and a status, never raw objects.
 */
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';
import type { ClusterTopology, KubernetesStatus } from '@/lib/health/topology';
import { LBPOOL_LABEL, toIngressRoute, toLbService, toTopologyNode, toTopologyPod } from './to-topology';
import { WatchedResource, type ResourceSpec, type RetryPolicy } from './watched-resource';

export const TRAEFIK_NAMESPACE = 'kube-system';
export const TRAEFIK_SELECTOR = 'app.kubernetes.io/name=traefik';
/** Older k3s ran svclb in the Service's namespace: select by label across namespaces. */
export const SVCLB_SELECTOR = 'svccontroller.k3s.cattle.io/svcname';
export const TRAEFIK_GROUPS = ['traefik.io', 'traefik.containo.us'] as const;

export interface K8sSourceOptions extends Partial<RetryPolicy> {
  /** Coalesces bursts of watch events (a relist of 2,000 nodes) into one topology rebuild. */
  debounceMs?: number;
}

type Listener = (topology: ClusterTopology) => void;
const EMPTY: ClusterTopology = {
  nodes: [],
  svclbPods: [],
  traefikPods: [],
  lbServices: [],
  ingressRoutes: [],
};

export class K8sSource {
  /** Bumped on every topology rebuild: lets readers cache what they derive (the node index). */
  version = 0;
  private current: ClusterTopology = EMPTY;
  private readonly resources: WatchedResource<KubernetesObject>[];
  private readonly listeners = new Set<Listener>();
  private pending: NodeJS.Timeout | null = null;
  private readonly debounceMs: number;

  constructor(
    readonly kc: KubeConfig,
    options: K8sSourceOptions = {},
  ) {
    const retry: RetryPolicy = {
      baseMs: options.baseMs ?? 1000,
      maxMs: options.maxMs ?? 30_000,
      absentRetryMs: options.absentRetryMs ?? 5 * 60_000,
    };
    this.debounceMs = options.debounceMs ?? 50;
    this.resources = resourceSpecs(kc).map(
      (spec) => new WatchedResource(spec, kc, retry, () => this.changed()),
    );
  }

  start(): void {
    for (const resource of this.resources) resource.start();
  }

  stop(): void {
    for (const resource of this.resources) resource.stop();
    if (this.pending) clearTimeout(this.pending);
  }

  topology(): ClusterTopology {
    return this.current;
  }

  /** ok once every required resource has listed and none is failing; the error names each failing one. */
  status(): KubernetesStatus {
    const errors = this.resources.flatMap((r) => (r.error ? [r.error] : []));
    const ok =
      errors.length === 0 && this.resources.every((r) => r.phase === 'synced' || r.phase === 'absent');
    const starting = !ok && errors.length === 0;
    return {
      enabled: true,
      ok,
      error: starting ? 'connecting to the Kubernetes API…' : errors.join('; ') || null,
    };
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.rebuild();
    }, this.debounceMs);
    this.pending.unref();
  }

  private rebuild(): void {
    const [nodes, svclb, traefik, services, ...routes] = this.resources;
    this.current = {
      nodes: nodes!.items().map((n) => toTopologyNode(n)),
      svclbPods: svclb!.items().map((p) => toTopologyPod(p)),
      traefikPods: traefik!.items().map((p) => toTopologyPod(p)),
      lbServices: services!.items().flatMap((s) => toLbService(s) ?? []),
      ingressRoutes: routes.flatMap((r, i) => r.items().map((o) => toIngressRoute(o, TRAEFIK_GROUPS[i]!))),
    };
    this.version++;
    for (const listener of this.listeners) {
      try {
        listener(this.current);
      } catch (error) {
        console.error('[hapscope] a topology listener failed:', error);
      }
    }
  }
}

// client-node's typed lists are wider than KubernetesListObject<KubernetesObject> only nominally.
const asList = (p: Promise<unknown>) => p as Promise<KubernetesListObject<KubernetesObject>>;

function resourceSpecs(kc: KubeConfig): ResourceSpec<KubernetesObject>[] {
  const core = kc.makeApiClient(CoreV1Api);
  const custom = kc.makeApiClient(CustomObjectsApi);
  const cluster = 'at the cluster scope';
  return [
    {
      resource: 'nodes',
      scope: cluster,
      permission: 'get/list/watch on nodes',
      path: '/api/v1/nodes',
      list: () => asList(core.listNode()),
    },
    {
      resource: 'pods',
      scope: cluster,
      permission: 'get/list/watch on pods (svclb pods, all namespaces)',
      path: '/api/v1/pods',
      labelSelector: SVCLB_SELECTOR,
      list: () => asList(core.listPodForAllNamespaces({ labelSelector: SVCLB_SELECTOR })),
    },
    {
      resource: 'pods',
      scope: `in the namespace "${TRAEFIK_NAMESPACE}"`,
      permission: `get/list/watch on pods in ${TRAEFIK_NAMESPACE}`,
      path: `/api/v1/namespaces/${TRAEFIK_NAMESPACE}/pods`,
      labelSelector: TRAEFIK_SELECTOR,
      list: () =>
        asList(core.listNamespacedPod({ namespace: TRAEFIK_NAMESPACE, labelSelector: TRAEFIK_SELECTOR })),
    },
    {
      resource: 'services',
      scope: cluster,
      permission: 'get/list/watch on services',
      path: '/api/v1/services',
      labelSelector: LBPOOL_LABEL,
      list: () => asList(core.listServiceForAllNamespaces({ labelSelector: LBPOOL_LABEL })),
    },
    ...TRAEFIK_GROUPS.map((group) => ({
      resource: `ingressroutes.${group}`,
      scope: cluster,
      permission: `get/list/watch on ingressroutes in API group ${group}`,
      path: `/apis/${group}/v1alpha1/ingressroutes`,
      optional: true,
      list: () =>
        asList(custom.listClusterCustomObject({ group, version: 'v1alpha1', plural: 'ingressroutes' })),
    })),
  ];
}
