/** Raw k3s objects in the shapes a real API server returns (see shared/fixtures/k8s and reference/kubernetes.md). */
import { createHash } from 'node:crypto';
import type { FakeIngressRouteSpec, FakeNodeSpec, FakeTopology } from './topology';

export type K8sObject = {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
  } & Record<string, unknown>;
} & Record<string, unknown>;

const CREATED = '2024-05-01T08:00:00Z';
const uid = (seed: string) => {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};
const suffix = (seed: string, length: number) =>
  createHash('sha1').update(seed).digest('hex').slice(0, length);
const condition = (type: string, status: boolean | 'Unknown') => ({
  type,
  status: status === 'Unknown' ? status : status ? 'True' : 'False',
  lastTransitionTime: CREATED,
});

export function nodeObject(spec: FakeNodeSpec): K8sObject {
  const ready = spec.ready ?? true;
  const internal = [spec.internalIp, spec.internalIpv6].filter(Boolean).join(',');
  const external = [spec.externalIp, spec.annotationIp].filter(Boolean).join(',');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      uid: uid(`node/${spec.name}`),
      creationTimestamp: CREATED,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': 'k3s',
        ...(spec.pool
          ? {
              'svccontroller.k3s.cattle.io/enablelb': 'true',
              'svccontroller.k3s.cattle.io/lbpool': spec.pool,
            }
          : {}),
      },
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': internal,
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/public-ip': spec.internalIp,
        'k3s.io/hostname': spec.name,
        'k3s.io/internal-ip': internal,
        ...(external ? { 'k3s.io/external-ip': external } : {}),
        'node.alpha.kubernetes.io/ttl': '0',
      },
    },
    spec: {
      podCIDR: '10.42.0.0/24',
      providerID: `k3s://${spec.name}`,
      ...(spec.cordoned ? { unschedulable: true } : {}),
    },
    status: {
      addresses: [
        { type: 'InternalIP', address: spec.internalIp },
        ...(spec.internalIpv6 ? [{ type: 'InternalIP', address: spec.internalIpv6 }] : []),
        ...(spec.externalIp ? [{ type: 'ExternalIP', address: spec.externalIp }] : []),
        { type: 'Hostname', address: spec.name },
      ],
      conditions: [
        condition('MemoryPressure', false),
        condition('DiskPressure', false),
        condition('PIDPressure', false),
        {
          ...condition('Ready', ready ? true : 'Unknown'),
          reason: ready ? 'KubeletReady' : 'NodeStatusUnknown',
        },
      ],
      nodeInfo: { kubeletVersion: 'v1.29.4+k3s1', osImage: 'Ubuntu 22.04.4 LTS', architecture: 'amd64' },
    },
  };
}

function podObject(
  name: string,
  node: string,
  ready: boolean,
  labels: Record<string, string>,
  containers: string[],
  owner: { kind: string; name: string },
): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'kube-system',
      uid: uid(`pod/${name}`),
      creationTimestamp: CREATED,
      labels,
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: owner.kind, name: owner.name, uid: uid(owner.name), controller: true },
      ],
    },
    spec: {
      nodeName: node,
      containers: containers.map((c) => ({ name: c, image: 'rancher/klipper-lb:v0.4.7' })),
    },
    status: {
      phase: 'Running',
      conditions: [
        condition('Initialized', true),
        condition('Ready', ready),
        condition('ContainersReady', ready),
        condition('PodScheduled', true),
      ],
      containerStatuses: containers.map((c) => ({ name: c, ready, restartCount: 0 })),
    },
  };
}

/** The pool's Traefik LoadBalancer Service, labelled with its lbpool (a Traefik deployment per location). */
export function traefikServiceName(pool: string): string {
  return `traefik-${pool}`;
}

export function serviceObject(pool: string): K8sObject {
  const name = traefikServiceName(pool);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name,
      namespace: 'kube-system',
      uid: uid(`svc/${name}`),
      creationTimestamp: CREATED,
      labels: { 'app.kubernetes.io/name': 'traefik', 'svccontroller.k3s.cattle.io/lbpool': pool },
    },
    spec: { type: 'LoadBalancer', ports: [{ name: 'web', port: 80, protocol: 'TCP', targetPort: 'web' }] },
    status: { loadBalancer: {} },
  };
}

/** DaemonSet `svclb-<service>-<first 8 of the service UID>`, one pod per node of the pool. */
export function svclbPodObject(spec: FakeNodeSpec): K8sObject {
  const service = traefikServiceName(spec.pool!);
  const daemonSet = `svclb-${service}-${uid(`svc/${service}`).slice(0, 8)}`;
  return podObject(
    `${daemonSet}-${suffix(spec.name, 5)}`,
    spec.name,
    spec.ready ?? true,
    {
      app: daemonSet,
      'controller-revision-hash': suffix(daemonSet, 9),
      'pod-template-generation': '1',
      'svccontroller.k3s.cattle.io/svcname': service,
      'svccontroller.k3s.cattle.io/svcnamespace': 'kube-system',
    },
    ['lb-tcp-80', 'lb-tcp-443'],
    { kind: 'DaemonSet', name: daemonSet },
  );
}

export function traefikPodObject(spec: FakeNodeSpec): K8sObject {
  const deployment = traefikServiceName(spec.pool ?? 'default');
  const replicaSet = `${deployment}-${suffix(deployment, 10)}`;
  return podObject(
    `${replicaSet}-${suffix(spec.name, 5)}`,
    spec.name,
    (spec.ready ?? true) && (spec.traefikReady ?? true),
    {
      'app.kubernetes.io/instance': `${deployment}-kube-system`,
      'app.kubernetes.io/managed-by': 'Helm',
      'app.kubernetes.io/name': 'traefik',
      'pod-template-hash': suffix(deployment, 10),
    },
    ['traefik'],
    { kind: 'ReplicaSet', name: replicaSet },
  );
}

export function ingressRouteObject(spec: FakeIngressRouteSpec): K8sObject {
  return {
    apiVersion: `${spec.group}/v1alpha1`,
    kind: 'IngressRoute',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      uid: uid(`ir/${spec.group}/${spec.namespace}/${spec.name}`),
      creationTimestamp: CREATED,
    },
    spec: {
      entryPoints: ['web'],
      routes: [
        {
          kind: 'Rule',
          match: spec.hosts.map((h) => `Host(\`${h}\`)`).join(' || '),
          services: [{ name: spec.name, port: 80 }],
        },
      ],
    },
  };
}

/** Every object of the topology, grouped by resource name as the store keys them. */
export function topologyObjects(topology: FakeTopology): Record<string, K8sObject[]> {
  const pools = [...new Set(topology.nodes.flatMap((n) => (n.pool ? [n.pool] : [])))];
  return {
    nodes: topology.nodes.map(nodeObject),
    services: pools.map(serviceObject),
    pods: [
      ...topology.nodes.filter((n) => n.pool).map(svclbPodObject),
      ...topology.nodes.filter((n) => n.traefik).map(traefikPodObject),
    ],
    'ingressroutes.traefik.io': topology.ingressRoutes
      .filter((r) => r.group === 'traefik.io')
      .map(ingressRouteObject),
    'ingressroutes.traefik.containo.us': topology.ingressRoutes
      .filter((r) => r.group === 'traefik.containo.us')
      .map(ingressRouteObject),
  };
}
