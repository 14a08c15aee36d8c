import { expect, test } from 'vitest';
import { buildPoolHealth, type PoolHealthInput } from './pool-health';
import type { ClusterTopology, TopologyNode, TopologyPod } from './topology';
import { emptyBackend } from './empty-backend';
import { syntheticServer } from './synthetic-server';
import type { Backend, Server, ServerStatus } from './types';

const n = (name: string, ready = true, cordoned = false): TopologyNode => ({
  name,
  ready,
  cordoned,
  labels: {},
  addresses: [
    { type: 'InternalIP', address: `10.0.0.${name.length}` },
    { type: 'k3s.io/internal-ip', address: `10.0.0.${name.length}` },
  ],
});
const pod = (name: string, node: string | null, ready = true): TopologyPod => ({
  namespace: 'kube-system',
  name,
  node,
  ready,
});

const TOPOLOGY: ClusterTopology = {
  nodes: [n('a1'), n('a2', false), n('b1', true, true), n('x1')],
  svclbPods: [
    pod('svclb-traefik-1-a1', 'a1'),
    pod('svclb-traefik-1-a2', 'a2', false),
    pod('svclb-traefik-1-b1', 'b1'),
    pod('svclb-pending', null),
  ],
  traefikPods: [pod('traefik-a', 'a1'), pod('traefik-b', 'b1', false)],
  lbServices: [],
  ingressRoutes: [],
};
const POOL_OF = new Map([
  ['a1', 'pool-a'],
  ['a2', 'pool-a'],
  ['b1', 'pool-b'],
  ['x1', 'unassigned'],
]);

function server(
  name: string,
  status: ServerStatus,
  pool: string | null,
  node: string | null,
  backup = false,
): Server {
  const base = syntheticServer(name, { status, backup, node, pool, lastChangeSec: null, downtimeSec: null });
  return { ...base, check: { ...base.check, durationMs: 3 } };
}
function backend(name: string, servers: Server[], servingFromBackup = false): Backend {
  return { ...emptyBackend('main', name, 'UP'), servingFromBackup, servers };
}

const BACKENDS = [
  backend(
    'code',
    [server('agent1', 'DOWN', 'pool-a', 'a1'), server('agent2', 'UP', 'pool-b', 'b1', true)],
    true,
  ),
  backend('api', [
    server('api1', 'UP', 'pool-a', 'a2'),
    server('api2', 'MAINT', 'pool-a', 'a1'),
    server('lost', 'UP', 'unassigned', null),
    server('off', 'UP', null, null),
  ]),
];
const LATENCY: Record<string, number[]> = { agent1: [10, 20, 30], api1: [40], agent2: [5] };
const input = (over: Partial<PoolHealthInput> = {}): PoolHealthInput => ({
  topology: TOPOLOGY,
  poolOf: POOL_OF,
  backends: BACKENDS,
  latencyOf: (_i, _b, s) => LATENCY[s] ?? [],
  ...over,
});

test('pools gather their nodes, pods, servers and latency; unassigned comes last', () => {
  const pools = buildPoolHealth(input());
  expect(pools.map((p) => p.name)).toEqual(['pool-a', 'pool-b', 'unassigned']);
  const [a, b, unassigned] = pools;
  expect(a).toMatchObject({
    nodes: [
      { name: 'a1', ready: true, cordoned: false, addresses: ['10.0.0.2'] },
      { name: 'a2', ready: false, cordoned: false },
    ],
    svclbReady: 1,
    svclbTotal: 2,
    traefikReady: 1,
    traefikTotal: 1,
    traefikLocal: true,
    up: 1,
    down: 1,
    checkLatencyMs: { p50: 20, p95: 40, max: 40 },
    flapping: false,
    uptimePct: null,
  });
  expect(a!.backends).toEqual([
    {
      instance: 'main',
      backend: 'code',
      up: 0,
      down: 1,
      total: 1,
      servingFromBackup: true,
      checkLatencyMs: { p50: 20, p95: 30, max: 30 },
    },
    {
      instance: 'main',
      backend: 'api',
      up: 1,
      down: 0,
      total: 2,
      servingFromBackup: false,
      checkLatencyMs: { p50: 40, p95: 40, max: 40 },
    },
  ]);
  expect(a!.servers.map((s) => `${s.backend}/${s.server}@${s.node}:${s.status}`)).toEqual([
    'code/agent1@a1:DOWN',
    'api/api1@a2:UP',
    'api/api2@a1:MAINT',
  ]);
  expect(b).toMatchObject({
    nodes: [{ name: 'b1', cordoned: true }],
    svclbReady: 1,
    traefikTotal: 1,
    traefikLocal: false,
  });
  expect(unassigned).toMatchObject({
    nodes: [{ name: 'x1' }],
    servers: [{ server: 'lost' }],
    traefikLocal: false,
  });
});

test.each([
  ['a Ready Traefik pod in the pool', [pod('t', 'b1')], true],
  ['only a NotReady Traefik pod in the pool', [pod('t', 'b1', false)], false],
  ['Traefik runs in another location', [pod('t', 'a1')], false],
  ['no Traefik at all', [], false],
])('traefikLocal for pool-b with %s', (_case, traefikPods, local) => {
  const pools = buildPoolHealth(input({ topology: { ...TOPOLOGY, traefikPods } }));
  expect(pools.find((p) => p.name === 'pool-b')!.traefikLocal).toBe(local);
});

test('without Kubernetes, pools are the static pools servers carry', () => {
  const backends = [
    backend('code', [server('agent1', 'UP', 'dc-1', null), server('agent2', 'DOWN', 'dc-2', null)]),
  ];
  const pools = buildPoolHealth(
    input({ topology: null, poolOf: new Map(), backends, uptimeOf: (p) => (p === 'dc-1' ? 99.5 : null) }),
  );
  expect(pools.map((p) => [p.name, p.nodes.length, p.up, p.down, p.uptimePct])).toEqual([
    ['dc-1', 0, 1, 0, 99.5],
    ['dc-2', 0, 0, 1, null],
  ]);
});
