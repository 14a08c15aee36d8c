/**
 * A fake k3s API server for tests, e2e and the demo:
 *   const k8s = await startFakeK8s({ port: 18491, topology: defaultFakeTopology() });
 *   // app env: KUBECONFIG=k8s.kubeconfigPath K8S_ENABLED=true
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FakeControl } from './control';
import { topologyObjects, type K8sObject } from './objects';
import { createFakeServer, type FakeServerState } from './server';
import { FakeStore } from './store';
import { defaultFakeTopology, type FakeTopology } from './topology';

export {
  defaultFakeTopology,
  type FakeTopology,
  type FakeNodeSpec,
  type FakeIngressRouteSpec,
} from './topology';
export type { FakeControl } from './control';

export interface FakeK8sOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  topology?: FakeTopology;
  /** Where the kubeconfig is written; default a temp directory named after the port. */
  dir?: string;
}

export interface FakeK8s extends FakeControl {
  url: string;
  port: number;
  kubeconfigPath: string;
  /** Listens again on the same port after stop(), with the state it had. */
  resume(): Promise<void>;
  /** Count of `list nodes`, `watch pods` … requests so far. */
  requestCount(verbAndResource: string): number;
  /** Stops for good. */
  close(): Promise<void>;
}

export async function startFakeK8s(options: FakeK8sOptions = {}): Promise<FakeK8s> {
  const host = options.host ?? '127.0.0.1';
  const topology = options.topology ?? defaultFakeTopology();
  const store = new FakeStore();
  for (const [resource, items] of Object.entries(topologyObjects(topology))) store.load(resource, items);
  const forbidden = new Set<string>();
  let server: http.Server | null = null;
  let port = options.port ?? 0;

  const listen = async () => {
    const created = createFakeServer(state);
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(port, host, () => resolve());
    });
    port = (created.address() as AddressInfo).port;
    server = created;
  };
  const stop = async () => {
    const current = server;
    server = null;
    if (!current) return;
    for (const watcher of [...store.watchers]) watcher.end();
    current.closeAllConnections();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  const control: FakeControl = {
    setNodeReady: (name, ready) =>
      store.modify('nodes', null, name, (node) => {
        const conditions = (
          node.status as { conditions: { type: string; status: string; reason?: string }[] }
        ).conditions;
        const condition = conditions.find((c) => c.type === 'Ready')!;
        Object.assign(
          condition,
          ready
            ? { status: 'True', reason: 'KubeletReady' }
            : { status: 'Unknown', reason: 'NodeStatusUnknown' },
        );
      }),
    setNodeCordoned: (name, cordoned) =>
      store.modify('nodes', null, name, (node) => {
        (node.spec as { unschedulable?: boolean }).unschedulable = cordoned || undefined;
      }),
    deleteNode: (name) => store.remove('nodes', null, name),
    setPodReady: (namespace, name, ready) =>
      store.modify('pods', namespace, name, (pod) => {
        const status = pod.status as {
          conditions: { type: string; status: string }[];
          containerStatuses: { ready: boolean }[];
        };
        for (const c of status.conditions)
          if (c.type === 'Ready' || c.type === 'ContainersReady') c.status = ready ? 'True' : 'False';
        for (const c of status.containerStatuses) c.ready = ready;
      }),
    deletePod: (namespace, name) => store.remove('pods', namespace, name),
    apply: (resource, obj) => store.upsert(resource, obj),
    forbid: (resource) => {
      forbidden.add(resource);
      // A real server checks RBAC on every request: cut open watches so clients re-request and see the 403.
      for (const watcher of [...store.watchers])
        if (watcher.resource.split('.')[0] === resource) watcher.end();
    },
    allow: (resource) => forbidden.delete(resource),
    expireWatches: () => store.expire(),
    pods: () =>
      store
        .list('pods', null, () => true)
        .map((pod: K8sObject) => ({
          namespace: pod.metadata.namespace ?? '',
          name: pod.metadata.name,
          node: (pod.spec as { nodeName?: string }).nodeName ?? null,
          ready: (pod.status as { conditions: { type: string; status: string }[] }).conditions.some(
            (c) => c.type === 'Ready' && c.status === 'True',
          ),
          labels: pod.metadata.labels ?? {},
        })),
    stop,
  };
  const requests: string[] = [];
  const state: FakeServerState = { store, forbidden, traefikCrds: topology.traefikCrds, control, requests };
  await listen();

  const url = `http://${host}:${port}`;
  const dir = options.dir ?? path.join(os.tmpdir(), `hapscope-fake-k8s-${port}`);
  await mkdir(dir, { recursive: true });
  const kubeconfigPath = path.join(dir, 'kubeconfig');
  await writeFile(kubeconfigPath, kubeconfig(url));
  return {
    ...control,
    url,
    get port() {
      return port;
    },
    kubeconfigPath,
    requestCount: (verbAndResource) => requests.filter((r) => r === verbAndResource).length,
    resume: async () => {
      if (!server) await listen();
    },
    close: stop,
  };
}

/** An http:// server needs insecure-skip-tls-verify, or client-node refuses to build the request. */
export function kubeconfig(url: string): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: fake-k3s
  cluster:
    server: ${url}
    insecure-skip-tls-verify: true
users:
- name: fake-admin
  user:
    token: fake-token
contexts:
- name: fake-k3s
  context:
    cluster: fake-k3s
    user: fake-admin
current-context: fake-k3s
`;
}
