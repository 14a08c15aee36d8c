// IngressRoutes end to end: BACKEND_HOSTS (e2e-server.ts) names each harness backend's health-check Host but
// flappy_backend's; the fake cluster serves IngressRoutes for code/grafana (traefik.io) and api
// (traefik.containo.us). /api/v1/pools carries `routes` and `poolServices`; the backend page shows the routes and
// which pools' Traefik serve the backend (pool-c has none: the cross-location hop); the pool page the reverse.
import { expect, test } from '@playwright/test';
import { E2E } from './harness/e2e-topology';
import { fakeK8s, fakePods } from './harness/fake-k8s-client';

/** The acceptance bound for a Kubernetes change to reach a page (as in pools.spec.ts), plus one refresh. */
const K8S_TO_UI_MS = 3000;
const K8S_AFTER_OUTAGE_MS = 20_000;

interface RoutingPool {
  pool: string;
  traefikLocal: boolean | null;
  servers: string[];
}
interface PoolsBody {
  routes: {
    backend: string;
    host: string;
    instances: string[];
    ingressRoutes: string[];
    pools: RoutingPool[];
  }[];
  poolServices: { pool: string; services: string[] }[];
}

const pools = () => fetch(`${E2E.appUrl}/api/v1/pools`).then((r) => r.json() as Promise<PoolsBody>);

test('GET /api/v1/pools: each BACKEND_HOSTS backend with its IngressRoutes and pools; each pool its Services', async () => {
  await expect
    .poll(async () => (await pools()).routes.find((r) => r.backend === 'api_backend')?.pools.length)
    .toBe(3);
  const body = await pools();
  expect(body.routes.map((r) => r.backend)).toEqual([
    'codeserver_backend',
    'grafana_backend',
    'api_backend',
    'static_backend',
  ]);
  const byName = Object.fromEntries(body.routes.map((r) => [r.backend, r]));
  expect(byName.codeserver_backend).toEqual({
    backend: 'codeserver_backend',
    host: 'code.example.com',
    instances: ['main', 'sock'],
    ingressRoutes: ['apps/code'],
    pools: [
      { pool: 'pool-a', traefikLocal: true, servers: ['agent1'] },
      { pool: 'pool-b', traefikLocal: true, servers: ['agent2'] },
      { pool: 'pool-c', traefikLocal: false, servers: ['agent3'] },
    ],
  });
  // The older API group, matched by the second host of a route with two.
  expect(byName.api_backend!.ingressRoutes).toEqual(['legacy/api']);
  expect(byName.api_backend!.pools).toContainEqual({
    pool: 'pool-c',
    traefikLocal: false,
    servers: ['api3', 'api4'],
  });
  expect(byName.static_backend!.ingressRoutes).toEqual([]);
  expect(body.poolServices).toEqual([
    { pool: 'pool-a', services: ['kube-system/traefik-pool-a'] },
    { pool: 'pool-b', services: ['kube-system/traefik-pool-b'] },
    { pool: 'pool-c', services: ['kube-system/traefik-pool-c'] },
  ]);
});

test('the backend page names its IngressRoute and warns where a pool has no local Traefik', async ({
  page,
}) => {
  await page.goto('/backends/main/codeserver_backend');
  const card = page.getByTestId('backend-routes');
  await expect(card.getByTestId('backend-routes-host')).toHaveText('code.example.com');
  await expect(card.getByTestId('backend-routes-ingressroutes')).toHaveText('apps/code');
  await expect(card.getByTestId('backend-routes-pool-pool-a')).toHaveAttribute('data-hop', 'local');
  const poolC = card.getByTestId('backend-routes-pool-pool-c');
  await expect(poolC).toHaveAttribute('data-hop', 'cross-location');
  await expect(poolC).toContainText('agent3');
  await expect(poolC.getByRole('alert')).toContainText('No Ready Traefik in pool-c');
  await expect(poolC.getByRole('alert')).toContainText('another location');

  await page.goto('/backends/main/static_backend');
  await expect(page.getByTestId('backend-routes-ingressroutes')).toHaveText(
    'none matches Host(static.example.com)',
  );
});

test('a backend missing from BACKEND_HOSTS says how to configure it', async ({ page }) => {
  await page.goto('/backends/main/flappy_backend');
  await expect(page.getByTestId('backend-routes')).toContainText(
    'add flappy_backend=<host> to BACKEND_HOSTS',
  );
});

test('the pool page lists what its Traefik serves and its lbpool Services', async ({ page }) => {
  await page.goto('/pools/pool-c');
  const routes = page.getByTestId('pool-routes');
  const code = routes.getByTestId('pool-route-codeserver_backend');
  await expect(code).toHaveAttribute('data-hop', 'cross-location');
  await expect(code).toContainText('apps/code');
  await expect(code).toContainText('agent3');
  await expect(code).toContainText('NOT local: forwarded to another location');
  await expect(routes.getByTestId('pool-route-api_backend')).toContainText('api3, api4');
  await expect(routes.getByTestId('pool-route-grafana_backend')).toHaveCount(0);
  await expect(routes.getByTestId('pool-lb-services')).toContainText('kube-system/traefik-pool-c');

  await page.goto('/pools/pool-a');
  await expect(page.getByTestId('pool-route-codeserver_backend')).toHaveAttribute('data-hop', 'local');
});

test("pool-b's Traefik going away turns its backends into a cross-location hop on the backend page", async ({
  page,
}) => {
  await page.goto('/backends/main/codeserver_backend');
  const poolB = page.getByTestId('backend-routes-pool-pool-b');
  await expect(poolB).toHaveAttribute('data-hop', 'local');
  const pods = await fakePods();
  const pod = pods.find((p) => p.node === 'loc-b-1' && p.labels['app.kubernetes.io/name'] === 'traefik')!;
  const podObject = (await (
    await fetch(`${E2E.k8s.url}/api/v1/namespaces/${pod.namespace}/pods/${pod.name}`)
  ).json()) as unknown;
  try {
    await fakeK8s('DELETE', `pods/${pod.namespace}/${pod.name}`);
    // Run after pools.spec.ts's API outage, the pod informer may still be backing off (1 s, 2 s, 4 s, 8 s …) when
    // this deletion happens: the full suite saw it miss 3 s twice in a row. A watch that is up takes well under 3 s.
    await expect(poolB).toHaveAttribute('data-hop', 'cross-location', { timeout: K8S_AFTER_OUTAGE_MS });
    await expect(poolB.getByRole('alert')).toContainText('No Ready Traefik in pool-b');
  } finally {
    await fakeK8s('POST', 'objects?resource=pods', podObject);
  }
  await expect(poolB).toHaveAttribute('data-hop', 'local', { timeout: K8S_TO_UI_MS });
});
