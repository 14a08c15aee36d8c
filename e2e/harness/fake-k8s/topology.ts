/**
 * The fake cluster as data: location pools of k3s nodes, which of them run a Traefik pod, and IngressRoutes.
 * The demo and e2e make node addresses equal to their agents' addresses, so HAProxy servers map to nodes.
 */
export interface FakeNodeSpec {
  name: string;
  /** Value of `svccontroller.k3s.cattle.io/lbpool`; null for a node outside every pool. */
  pool: string | null;
  internalIp: string;
  internalIpv6?: string;
  externalIp?: string;
  /** An address only k3s's `k3s.io/external-ip` annotation carries (a Tailscale address, say). */
  annotationIp?: string;
  ready?: boolean;
  cordoned?: boolean;
  /** A Traefik pod of this node's pool runs here. */
  traefik?: boolean;
  traefikReady?: boolean;
}

export interface FakeIngressRouteSpec {
  namespace: string;
  name: string;
  group: 'traefik.io' | 'traefik.containo.us';
  hosts: string[];
}

export interface FakeTopology {
  nodes: FakeNodeSpec[];
  ingressRoutes: FakeIngressRouteSpec[];
  /** Serve the Traefik CRDs (both API groups). */
  traefikCrds: boolean;
}

/**
 * Three locations: pool-a (Traefik local, one node cordoned), pool-b (Traefik local, one node NotReady) and
 * pool-c, whose svclb pods have NO local Traefik: the failure hapscope exists to show.
 */
export function defaultFakeTopology(ips: string[] = DEFAULT_IPS): FakeTopology {
  const ip = (i: number) => ips[i] ?? DEFAULT_IPS[i]!;
  return {
    traefikCrds: true,
    nodes: [
      {
        name: 'loc-a-1',
        pool: 'pool-a',
        internalIp: ip(0),
        internalIpv6: 'fd00:a::11',
        annotationIp: '100.64.0.11',
        traefik: true,
      },
      { name: 'loc-a-2', pool: 'pool-a', internalIp: ip(1), internalIpv6: 'fd00:a::12', cordoned: true },
      {
        name: 'loc-b-1',
        pool: 'pool-b',
        internalIp: ip(2),
        internalIpv6: 'fd00:b::13',
        externalIp: '203.0.113.13',
        traefik: true,
      },
      { name: 'loc-b-2', pool: 'pool-b', internalIp: ip(3), internalIpv6: 'fd00:b::14', ready: false },
      { name: 'loc-c-1', pool: 'pool-c', internalIp: ip(4), internalIpv6: 'fd00:c::15' },
      { name: 'loc-c-2', pool: 'pool-c', internalIp: ip(5), internalIpv6: 'fd00:c::16' },
    ],
    ingressRoutes: [
      { namespace: 'apps', name: 'code', group: 'traefik.io', hosts: ['code.example.com'] },
      { namespace: 'apps', name: 'grafana', group: 'traefik.io', hosts: ['grafana.example.com'] },
      {
        namespace: 'legacy',
        name: 'api',
        group: 'traefik.containo.us',
        hosts: ['api.example.com', 'api2.example.com'],
      },
    ],
  };
}

const DEFAULT_IPS = ['127.0.0.11', '127.0.0.12', '127.0.0.13', '127.0.0.14', '127.0.0.15', '127.0.0.16'];
