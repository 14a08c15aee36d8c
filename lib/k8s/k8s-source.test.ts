// The Kubernetes source through the REAL client-node against the fake k3s API (e2e/harness/fake-k8s).
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { defaultFakeTopology, startFakeK8s, type FakeK8s } from '@/e2e/harness/fake-k8s';
import { K8sSource } from './k8s-source';

const FAST = { baseMs: 150, maxMs: 600, debounceMs: 20 };
let fake: FakeK8s;
const sources: K8sSource[] = [];

beforeAll(async () => {
  fake = await startFakeK8s();
});
afterAll(() => fake.close());
afterEach(() => {
  for (const source of sources.splice(0)) source.stop();
});

function connect(target: FakeK8s = fake): K8sSource {
  const kc = new KubeConfig();
  kc.loadFromFile(target.kubeconfigPath);
  const source = new K8sSource(kc, FAST);
  sources.push(source);
  source.start();
  return source;
}

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 2000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const node = (source: K8sSource, name: string) => source.topology().nodes.find((n) => n.name === name);

test('lists nodes, svclb and Traefik pods, lbpool Services and IngressRoutes of both API groups', async () => {
  const source = connect();
  await waitFor(() => source.status().ok && source.topology().ingressRoutes.length === 3);
  const topology = source.topology();
  expect(source.status()).toEqual({ enabled: true, ok: true, error: null });
  expect(topology.nodes.map((n) => n.name).sort()).toEqual([
    'loc-a-1',
    'loc-a-2',
    'loc-b-1',
    'loc-b-2',
    'loc-c-1',
    'loc-c-2',
  ]);
  expect(node(source, 'loc-a-1')).toMatchObject({
    ready: true,
    cordoned: false,
    labels: { 'svccontroller.k3s.cattle.io/lbpool': 'pool-a' },
    addresses: [
      { type: 'InternalIP', address: '127.0.0.11' },
      { type: 'InternalIP', address: 'fd00:a::11' },
      { type: 'Hostname', address: 'loc-a-1' },
      { type: 'k3s.io/external-ip', address: '100.64.0.11' },
    ],
  });
  expect(node(source, 'loc-a-2')?.cordoned).toBe(true);
  expect(node(source, 'loc-b-2')?.ready).toBe(false);
  expect(topology.svclbPods).toHaveLength(6);
  expect(topology.traefikPods.map((p) => p.node).sort()).toEqual(['loc-a-1', 'loc-b-1']);
  expect(topology.lbServices.map((s) => s.pool).sort()).toEqual(['pool-a', 'pool-b', 'pool-c']);
  expect(
    topology.ingressRoutes.map((r) => `${r.group} ${r.namespace}/${r.name} ${r.hosts.join(' ')}`).sort(),
  ).toEqual([
    'traefik.containo.us legacy/api api.example.com api2.example.com',
    'traefik.io apps/code code.example.com',
    'traefik.io apps/grafana grafana.example.com',
  ]);
});

test('a node going NotReady and a Traefik pod deleted show within 2 s', async () => {
  const source = connect();
  await waitFor(() => source.status().ok);
  const traefikA = fake
    .pods()
    .find((p) => p.node === 'loc-a-1' && p.labels['app.kubernetes.io/name'] === 'traefik')!;
  fake.setNodeReady('loc-a-1', false);
  fake.deletePod(traefikA.namespace, traefikA.name);
  try {
    await waitFor(() => node(source, 'loc-a-1')?.ready === false, 2000);
    await waitFor(() => !source.topology().traefikPods.some((p) => p.node === 'loc-a-1'), 2000);
  } finally {
    fake.setNodeReady('loc-a-1', true);
    fake.apply('pods', {
      ...traefikA,
      metadata: { name: traefikA.name, namespace: traefikA.namespace, labels: traefikA.labels },
      spec: { nodeName: 'loc-a-1', containers: [] },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    });
  }
  await waitFor(() => source.topology().traefikPods.some((p) => p.node === 'loc-a-1' && p.ready));
});

test('a 410 ERROR on the watch makes the informer relist and keep working', async () => {
  const source = connect();
  await waitFor(() => source.status().ok);
  const lists = fake.requestCount('list nodes');
  fake.expireWatches();
  fake.setNodeCordoned('loc-c-1', true);
  await waitFor(() => node(source, 'loc-c-1')?.cordoned === true);
  expect(fake.requestCount('list nodes')).toBeGreaterThan(lists);
  expect(source.status().ok).toBe(true);
  fake.setNodeCordoned('loc-c-1', false);
  await waitFor(() => node(source, 'loc-c-1')?.cordoned === false);
});

test('the API server going away: ok false with a clear error, last topology kept, back once it returns', async () => {
  const own = await startFakeK8s();
  try {
    const source = connect(own);
    await waitFor(() => source.status().ok);
    await own.stop();
    const down = await waitFor(() => !source.status().ok && source.status());
    expect(down.error).toMatch(/cannot reach the Kubernetes API at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/);
    expect(source.topology().nodes).toHaveLength(6);
    await new Promise((resolve) => setTimeout(resolve, 700)); // a few failed restarts, backing off
    await own.resume();
    own.setNodeReady('loc-c-2', false);
    await waitFor(() => source.status().ok && node(source, 'loc-c-2')?.ready === false, 3000);
  } finally {
    await own.close();
  }
});

test('a forbidden list names the permission to grant; granting it recovers', async () => {
  const own = await startFakeK8s();
  try {
    own.forbid('nodes');
    const source = connect(own);
    const status = await waitFor(() => source.status().error?.includes('forbidden') && source.status());
    expect(status).toEqual({
      enabled: true,
      ok: false,
      error: 'forbidden: cannot list nodes at the cluster scope — grant get/list/watch on nodes',
    });
    own.allow('nodes');
    await waitFor(() => source.status().ok && source.topology().nodes.length === 6, 3000);
  } finally {
    await own.close();
  }
});

test('without the Traefik CRDs the source is ok and has no routes', async () => {
  const own = await startFakeK8s({ topology: { ...defaultFakeTopology(), traefikCrds: false } });
  try {
    const source = connect(own);
    await waitFor(() => source.status().ok && source.topology().nodes.length === 6);
    expect(source.topology().ingressRoutes).toEqual([]);
  } finally {
    await own.close();
  }
});
