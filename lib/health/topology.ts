/**
 * What hapscope knows about the cluster, independent of the Kubernetes client: lib/k8s maps raw objects into
 * these shapes, lib/health correlates and aggregates them. Never raw Kubernetes objects.
 */

/** InternalIP / ExternalIP / Hostname from status.addresses, or the annotation key the address came from. */
export interface NodeAddress {
  type: string;
  address: string;
}

export interface TopologyNode {
  name: string;
  ready: boolean;
  /** spec.unschedulable. */
  cordoned: boolean;
  labels: Record<string, string>;
  /** status.addresses first, then addresses found only in k3s / flannel annotations. */
  addresses: NodeAddress[];
}

export interface TopologyPod {
  namespace: string;
  name: string;
  node: string | null;
  ready: boolean;
}

export interface IngressRouteInfo {
  namespace: string;
  name: string;
  /** API group the route came from: traefik.io or traefik.containo.us. */
  group: string;
  hosts: string[];
}

/** A Service labelled with a ServiceLB pool. */
export interface LbServiceInfo {
  namespace: string;
  name: string;
  pool: string;
}

export interface ClusterTopology {
  nodes: TopologyNode[];
  svclbPods: TopologyPod[];
  traefikPods: TopologyPod[];
  lbServices: LbServiceInfo[];
  ingressRoutes: IngressRouteInfo[];
}

export interface KubernetesStatus {
  enabled: boolean;
  ok: boolean;
  error: string | null;
}

export const UNASSIGNED_POOL = 'unassigned';
