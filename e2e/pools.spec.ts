// Location pools against real HAProxy and the fake Kubernetes API the harness runs: agents listen on the fake
// nodes' InternalIPs, so servers land in pools by address (e2e-topology.ts lists which agent sits on which node).
import { spawnSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E } from './harness/e2e-topology';
import { fakeK8s, fakePods } from './harness/fake-k8s-client';

const POLL_MS = 1000;
/** The acceptance bound for a Kubernetes change to reach the pool page. */
const K8S_TO_UI_MS = 2000;

async function control(what: 'stop' | 'resume'): Promise<void> {
  const res = await fetch(`${E2E.k8s.controlUrl}/${what}`, { method: 'POST' });
  if (!res.ok) throw new Error(`${what} the fake API: HTTP ${res.status}`);
}

const serverRow = (page: Page, backend: string, server: string, instance = 'main') =>
  page.getByTestId(`server-row-${instance}-${backend}-${server}`);

function note(type: string, ms: number) {
  test.info().annotations.push({ type, description: `${ms} ms` });
  console.log(`[pools.spec] ${type}: ${ms} ms`);
}

test.describe.configure({ mode: 'serial' });

test('servers land in the pool of the node whose address they point at', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('search-input').fill('agent');
  const agent1 = serverRow(page, 'codeserver_backend', 'agent1');
  await expect(agent1.getByTestId('server-node')).toHaveText('loc-a-1');
  await expect(agent1.getByTestId('server-pool')).toHaveText('pool-a');
  await expect(serverRow(page, 'codeserver_backend', 'agent3').getByTestId('server-pool')).toHaveText(
    'pool-c',
  );
  // The same HAProxy seen over the runtime socket maps the same way.
  await expect(serverRow(page, 'codeserver_backend', 'agent2', 'sock').getByTestId('server-node')).toHaveText(
    'loc-b-1',
  );

  const matrix = page.getByTestId('pool-matrix');
  await expect(matrix).toBeVisible();
  await expect(page.getByTestId('pool-cell-pool-a-codeserver_backend')).toHaveAttribute('data-status', 'UP');
  // api3 (disabled, on loc-c-1) is the worst of pool-c's api servers; static1 (no check) sits on loc-a-2.
  await expect(page.getByTestId('pool-cell-pool-c-api_backend')).toHaveAttribute('data-status', 'MAINT');
  await expect(page.getByTestId('pool-cell-pool-a-static_backend')).toHaveAttribute('data-status', 'NOCHECK');
  await expect(page.getByTestId('pool-cell-pool-b-static_backend')).toHaveAttribute('data-status', 'none');

  const cell = page.getByTestId('pool-cell-pool-c-api_backend');
  await cell.getByRole('link').focus();
  await expect(cell.getByRole('tooltip')).toBeVisible();
  await expect(cell.getByRole('tooltip')).toContainText('api3');
  await expect(cell.getByRole('tooltip')).toContainText('loc-c-1');

  await matrix.getByRole('link', { name: 'pool-c', exact: true }).click();
  await expect(page).toHaveURL(/\/pools\/pool-c$/);
  await expect(page.getByTestId('pool-traefik-warning')).toContainText('another location');
  await expect(page.getByTestId('pool-traefik')).toHaveAttribute('data-local', 'false');
  await expect(page.getByTestId('pool-server-main-codeserver_backend-agent3')).toHaveAttribute(
    'data-status',
    'UP',
  );
  await expect(page.getByTestId('pool-latency-chart')).toBeVisible();
});

test('the pools index and a pool page show nodes, cordons and servers', async ({ page }) => {
  await page.goto('/pools');
  await expect(page.getByTestId('pool-card-pool-c')).toHaveAttribute('data-traefik-local', 'false');
  await expect(page.getByTestId('pool-card-pool-a')).toHaveAttribute('data-traefik-local', 'true');
  await page.getByTestId('pool-card-pool-a').getByRole('link', { name: 'pool-a' }).click();
  await expect(page).toHaveURL(/\/pools\/pool-a$/);
  await expect(page.getByTestId('pool-node-loc-a-2')).toHaveAttribute('data-cordoned', 'true');
  await expect(page.getByTestId('pool-node-loc-a-1')).toHaveAttribute('data-cordoned', 'false');
  await expect(page.getByTestId('pool-node-loc-a-1')).toContainText('127.0.0.11');
  await expect(page.getByTestId('pool-server-main-codeserver_backend-agent1')).toBeVisible();
  await expect(page.getByTestId('pool-server-main-static_backend-static1')).toHaveAttribute(
    'data-status',
    'NOCHECK',
  );
  await expect(page.getByTestId('pool-traefik-warning')).toHaveCount(0);
});

test('a node turning NotReady and a Traefik pod deleted reach the pool page within two seconds', async ({
  page,
}) => {
  await page.goto('/pools/pool-b');
  const node = page.getByTestId('pool-node-loc-b-1');
  const traefik = page.getByTestId('pool-traefik');
  await expect(node).toHaveAttribute('data-ready', 'true');
  await expect(traefik).toHaveAttribute('data-local', 'true');
  await expect(page.getByTestId('pool-traefik-warning')).toHaveCount(0);

  const pods = await fakePods();
  const pod = pods.find((p) => p.node === 'loc-b-1' && p.labels['app.kubernetes.io/name'] === 'traefik');
  expect(pod, 'the fake runs a Traefik pod on loc-b-1').toBeDefined();
  const podObject = (await (
    await fetch(`${E2E.k8s.url}/api/v1/namespaces/${pod!.namespace}/pods/${pod!.name}`)
  ).json()) as unknown;

  try {
    const notReadyAt = Date.now();
    await fakeK8s('POST', 'nodes/loc-b-1/ready?value=false');
    await expect(node).toHaveAttribute('data-ready', 'false', { timeout: K8S_TO_UI_MS });
    note('node NotReady → pool page', Date.now() - notReadyAt);

    const deletedAt = Date.now();
    await fakeK8s('DELETE', `pods/${pod!.namespace}/${pod!.name}`);
    await expect(traefik).toHaveAttribute('data-local', 'false', { timeout: K8S_TO_UI_MS });
    await expect(page.getByTestId('pool-traefik-warning')).toBeVisible({ timeout: K8S_TO_UI_MS });
    note('Traefik pod deleted → warning on pool page', Date.now() - deletedAt);
  } finally {
    await fakeK8s('POST', 'nodes/loc-b-1/ready?value=true');
    await fakeK8s('POST', 'objects?resource=pods', podObject);
  }
  await expect(node).toHaveAttribute('data-ready', 'true', { timeout: K8S_TO_UI_MS });
  await expect(traefik).toHaveAttribute('data-local', 'true', { timeout: K8S_TO_UI_MS });
  await expect(page.getByTestId('pool-traefik-warning')).toHaveCount(0);
});

test('with the Kubernetes API down a banner says so and the overview still follows HAProxy', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByTestId('search-input').fill('agent1');
  const badge = serverRow(page, 'codeserver_backend', 'agent1').getByTestId('status-badge');
  await expect(badge).toHaveAttribute('data-status', 'UP');
  await expect(page.getByTestId('k8s-banner')).toHaveCount(0);

  await control('stop');
  try {
    const banner = page.getByTestId('k8s-banner');
    await expect(banner).toHaveAttribute('data-state', 'unreachable', { timeout: 10_000 });
    await expect(banner).toContainText('Kubernetes API unreachable');
    await setAgentMode(E2E.agents.agent1!.controlUrl, 'fail');
    await expect(badge).toHaveAttribute('data-status', 'DOWN', { timeout: 3 * 1000 + 3 * POLL_MS });
    await expect(banner).toBeVisible();
    // The last known topology still places the server; the matrix follows HAProxy too.
    await expect(serverRow(page, 'codeserver_backend', 'agent1').getByTestId('server-pool')).toHaveText(
      'pool-a',
    );
    await expect(page.getByTestId('pool-cell-pool-a-codeserver_backend')).toHaveAttribute(
      'data-status',
      'DOWN',
    );
  } finally {
    await setAgentMode(E2E.agents.agent1!.controlUrl, 'ok');
    await control('resume');
  }
  // The informers retry with back-off (1 s, 2 s, 4 s …): a few seconds after the API is back, all is well.
  await expect(page.getByTestId('k8s-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-status', 'UP', { timeout: 3 * 1000 + 3 * POLL_MS });
});

test('kubectl talks to the fake API as to a real server', async () => {
  const which = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  test.skip(which.error !== undefined || which.status !== 0, 'kubectl is not installed');
  const kubectl = (...args: string[]) => {
    const out = spawnSync('kubectl', ['--server', E2E.k8s.url, ...args], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(out.status, out.stderr).toBe(0);
    return out.stdout;
  };
  const labelled = kubectl('get', 'nodes', '-L', 'svccontroller.k3s.cattle.io/lbpool');
  for (const node of ['loc-a-1', 'loc-a-2', 'loc-b-1', 'loc-b-2', 'loc-c-1', 'loc-c-2'])
    expect(labelled).toContain(node);
  expect(labelled).toMatch(/loc-c-1\s.*pool-c/);
  // The fake serves no server-side Table, so kubectl's default columns lack STATUS: read it client-side.
  const ready = kubectl(
    'get',
    'nodes',
    '-o',
    'custom-columns=NAME:.metadata.name,READY:.status.conditions[?(@.type=="Ready")].status,CORDONED:.spec.unschedulable',
  );
  expect(ready).toMatch(/loc-b-2\s+Unknown/);
  expect(ready).toMatch(/loc-a-2\s+True\s+true/);
  expect(ready).toMatch(/loc-a-1\s+True\s+<none>/);
  const pods = kubectl(
    'get',
    'pods',
    '-n',
    'kube-system',
    '-l',
    'app.kubernetes.io/name=traefik',
    '-o',
    'name',
  );
  expect(pods.trim().split('\n')).toHaveLength(2);
});
