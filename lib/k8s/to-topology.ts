/** Raw Kubernetes objects → hapscope's topology types. Nothing raw leaves lib/k8s. */
import type { KubernetesObject, V1Node, V1Pod, V1Service } from '@kubernetes/client-node';
import { hostsFromMatch } from '@/lib/pools/backend-routes';
import type {
  IngressRouteInfo,
  LbServiceInfo,
  NodeAddress,
  TopologyNode,
  TopologyPod,
} from '@/lib/health/topology';

export const LBPOOL_LABEL = 'svccontroller.k3s.cattle.io/lbpool';
/** k3s writes these; over Tailscale a node may be reached at an address only they carry. */
const ADDRESS_ANNOTATIONS = [
  'k3s.io/internal-ip',
  'k3s.io/external-ip',
  'k3s.io/hostname',
  'flannel.alpha.coreos.com/public-ip',
];

export function toTopologyNode(node: V1Node): TopologyNode {
  const addresses: NodeAddress[] = [];
  const seen = new Set<string>();
  const add = (type: string, address: string) => {
    const value = address.trim();
    if (value && !seen.has(value)) {
      seen.add(value);
      addresses.push({ type, address: value });
    }
  };
  for (const a of node.status?.addresses ?? []) add(a.type, a.address);
  const annotations = node.metadata?.annotations ?? {};
  for (const key of ADDRESS_ANNOTATIONS) {
    for (const address of annotations[key]?.split(',') ?? []) add(key, address);
  }
  return {
    name: node.metadata?.name ?? '',
    ready: node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
    cordoned: node.spec?.unschedulable === true,
    labels: { ...(node.metadata?.labels ?? {}) },
    addresses,
  };
}

/** A terminating pod counts as not ready: it no longer takes new connections. */
export function toTopologyPod(pod: V1Pod): TopologyPod {
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    node: pod.spec?.nodeName ?? null,
    ready: ready && !pod.metadata?.deletionTimestamp,
  };
}

export function toLbService(service: V1Service): LbServiceInfo | null {
  const pool = service.metadata?.labels?.[LBPOOL_LABEL];
  if (!pool) return null;
  return { namespace: service.metadata?.namespace ?? '', name: service.metadata?.name ?? '', pool };
}

interface IngressRouteObject extends KubernetesObject {
  spec?: { routes?: { match?: string }[] };
}

export function toIngressRoute(route: IngressRouteObject, group: string): IngressRouteInfo {
  const hosts = (route.spec?.routes ?? []).flatMap((r) => (r.match ? hostsFromMatch(r.match) : []));
  return {
    namespace: route.metadata?.namespace ?? '',
    name: route.metadata?.name ?? '',
    group,
    hosts: [...new Set(hosts)],
  };
}
