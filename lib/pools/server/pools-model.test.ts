// The collector-side join against the fake k3s API through the real client: servers get node and pool, pools get health.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startFakeK8s, type FakeIngressRouteSpec, type FakeK8s } from '@/e2e/harness/fake-k8s';
import { ingressRouteObject } from '@/e2e/harness/fake-k8s/objects';
import { RoutesDtoSchema } from '@/lib/api/schemas/routes';
import { parseTopologySettings } from '@/lib/config/topology-file';
import type { Backend, Server } from '@/lib/health/types';
import { connectK8s, type K8sConnection } from '@/lib/k8s';
import { PoolsModel } from './pools-model';
import { toPoolsDto } from './pools-service';
import { toRoutesDto } from './routes-service';

const POOL_LABELS = ['svccontroller.k3s.cattle.io/lbpool', 'topology.kubernetes.io/zone'];
let fake: FakeK8s;
let connection: K8sConnection;

beforeAll(async () => {
  fake = await startFakeK8s();
  connection = connectK8s({ k8sEnabled: 'true', kubeconfig: fake.kubeconfigPath }, {}, { debounceMs: 10 });
  const deadline = Date.now() + 3000;
  // ok can come a debounce before the rebuild holding the last resource: wait for the IngressRoutes too.
  const synced = () => connection.status().ok && connection.source!.topology().ingressRoutes.length === 3;
  while (!synced() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});
afterAll(async () => {
  connection.source?.stop();
  await fake.close();
});

const server = (name: string, address: string, durationMs: number, status: 'UP' | 'DOWN' = 'UP') =>
  ({
    name,
    address,
    status,
    backup: false,
    check: { durationMs },
    node: null,
    pool: null,
  }) as unknown as Server;
const backends = (): Backend[] => [
  {
    instance: 'main',
    name: 'web',
    servingFromBackup: false,
    servers: [
      server('agent1', '127.0.0.11:80', 4),
      server('agent2', '[fd00:b::13]:80', 6),
      server('agent3', 'loc-c-1.site.example:80', 300, 'DOWN'),
      server('gw', '192.0.2.7:80', 9),
      server('lost', '192.0.2.8:80', 1),
    ],
  } as unknown as Backend,
];

test('servers are placed on nodes and pools; pools report Traefik locality, latency and warnings', () => {
  expect(connection.status()).toEqual({ enabled: true, ok: true, error: null });
  const model = new PoolsModel(
    connection,
    parseTopologySettings({ SERVER_OVERRIDES: 'gw=loc-c-2' }),
    POOL_LABELS,
    1000,
  );
  const polled = backends();
  model.decorate('main', polled, 1_000);
  model.decorate('main', backends(), 2_000);
  expect(polled[0]!.servers.map((s) => `${s.name}→${s.node}/${s.pool}`)).toEqual([
    'agent1→loc-a-1/pool-a',
    'agent2→loc-b-1/pool-b',
    'agent3→loc-c-1/pool-c',
    'gw→loc-c-2/pool-c',
    'lost→null/unassigned',
  ]);
  const dto = toPoolsDto(model.pools(polled, 3_000), 3_000);
  expect(dto.kubernetes.ok).toBe(true);
  const byName = Object.fromEntries(dto.pools.map((p) => [p.name, p]));
  expect(Object.keys(byName)).toEqual(['pool-a', 'pool-b', 'pool-c', 'unassigned']);
  expect(byName['pool-a']).toMatchObject({
    traefikLocal: true,
    svclbReady: 2,
    svclbTotal: 2,
    up: 1,
    checkLatencyMs: { p50: 4, max: 4 },
  });
  expect(byName['pool-b']).toMatchObject({ traefikLocal: true, svclbReady: 1, svclbTotal: 2 });
  expect(byName['pool-b']!.warnings).toContain('1 of 2 nodes NotReady: loc-b-2');
  expect(byName['pool-c']).toMatchObject({
    traefikLocal: false,
    down: 1,
    checkLatencyMs: { p50: 9, p95: 300, max: 300 },
  });
  expect(byName['pool-c']!.warnings[0]).toMatch(
    /^No Ready Traefik pod runs in pool-c: its svclb pods forward to a Traefik in another location/,
  );
  expect(byName['unassigned']!.warnings).toEqual([
    '1 HAProxy server(s) match no Kubernetes node: check node addresses or set SERVER_OVERRIDES',
  ]);
});

test('without Kubernetes, static pools from the config place servers and pools carry no cluster warnings', () => {
  const none: K8sConnection = { source: null, status: () => ({ enabled: false, ok: false, error: null }) };
  const model = new PoolsModel(
    none,
    parseTopologySettings({ STATIC_POOLS: 'agent1=dc-1,web/agent2=dc-2' }),
    POOL_LABELS,
    1000,
  );
  const polled = backends();
  model.decorate('main', polled, 1_000);
  expect(polled[0]!.servers.map((s) => s.pool)).toEqual(['dc-1', 'dc-2', null, null, null]);
  const dto = toPoolsDto(model.pools(polled, 1_000), 1_000);
  expect(dto.pools.map((p) => [p.name, p.nodes.length, p.warnings])).toEqual([
    ['dc-1', 0, []],
    ['dc-2', 0, []],
  ]);
  expect(dto.kubernetes).toEqual({ enabled: false, ok: false, error: null });
});

const routedModel = (
  topology = parseTopologySettings({
    SERVER_OVERRIDES: 'gw=loc-c-2',
    BACKEND_HOSTS: 'web=code.example.com, api_backend=api2.example.com',
  }),
) => new PoolsModel(connection, topology, POOL_LABELS, 1000);

function routesNow(model: PoolsModel) {
  const polled = backends();
  model.decorate('main', polled, 1_000);
  return toRoutesDto(model.routing(polled, model.pools(polled, 1_000)));
}

test('BACKEND_HOSTS backends get their IngressRoutes and the pools whose Traefik serves them; pools their Services', () => {
  const dto = routesNow(routedModel());
  expect(RoutesDtoSchema.parse(dto)).toEqual(dto);
  expect(dto.routes).toEqual([
    {
      backend: 'web',
      host: 'code.example.com',
      instances: ['main'],
      ingressRoutes: ['apps/code'],
      pools: [
        { pool: 'pool-a', traefikLocal: true, servers: ['agent1'] },
        { pool: 'pool-b', traefikLocal: true, servers: ['agent2'] },
        { pool: 'pool-c', traefikLocal: false, servers: ['agent3', 'gw'] },
        { pool: 'unassigned', traefikLocal: null, servers: ['lost'] },
      ],
    },
    {
      backend: 'api_backend',
      host: 'api2.example.com',
      instances: [],
      ingressRoutes: ['legacy/api'],
      pools: [],
    },
  ]);
  expect(dto.poolServices).toEqual([
    { pool: 'pool-a', services: ['kube-system/traefik-pool-a'] },
    { pool: 'pool-b', services: ['kube-system/traefik-pool-b'] },
    { pool: 'pool-c', services: ['kube-system/traefik-pool-c'] },
  ]);
});

test('an IngressRoute added through the watch (older API group) shows for its backend', async () => {
  const model = routedModel();
  const route: FakeIngressRouteSpec = {
    namespace: 'old',
    name: 'code-v1',
    group: 'traefik.containo.us',
    hosts: ['code.example.com'],
  };
  fake.apply('ingressroutes.traefik.containo.us', ingressRouteObject(route));
  const deadline = Date.now() + 3000;
  while (routesNow(model).routes[0]!.ingressRoutes.length < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(routesNow(model).routes[0]!.ingressRoutes).toEqual(['apps/code', 'old/code-v1']);
});

test('without Kubernetes a configured backend has no routes, and its pools say Traefik is unknown', () => {
  const none: K8sConnection = { source: null, status: () => ({ enabled: false, ok: false, error: null }) };
  const model = new PoolsModel(
    none,
    parseTopologySettings({ STATIC_POOLS: 'agent1=dc-1', BACKEND_HOSTS: 'web=code.example.com' }),
    POOL_LABELS,
    1000,
  );
  expect(routesNow(model)).toEqual({
    routes: [
      {
        backend: 'web',
        host: 'code.example.com',
        instances: ['main'],
        ingressRoutes: [],
        pools: [{ pool: 'dc-1', traefikLocal: null, servers: ['agent1'] }],
      },
    ],
    poolServices: [],
  });
});
