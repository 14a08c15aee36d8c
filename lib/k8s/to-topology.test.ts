import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { expect, test } from 'vitest';
import { toIngressRoute, toLbService, toTopologyNode, toTopologyPod } from './to-topology';

// Real k3s objects from the shared fixtures: read in place, never copied into the project.
const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/k8s');
const fixture = (file: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as { items: unknown[] };

test.skipIf(!existsSync(path.join(FIXTURES, 'k3s-1.28-nodelist.json')))(
  'a real k3s node: dual-stack addresses, annotations, Ready',
  () => {
    const node = toTopologyNode(fixture('k3s-1.28-nodelist.json').items[0] as V1Node);
    expect(node).toMatchObject({ name: 'komal-hp-probook-430-g8-notebook-pc', ready: true, cordoned: false });
    expect(node.addresses).toEqual([
      { type: 'InternalIP', address: '192.168.241.250' },
      { type: 'InternalIP', address: '2409:40f0:11:8e92:71:c807:1524:2fe7' },
      { type: 'Hostname', address: 'komal-hp-probook-430-g8-notebook-pc' },
    ]);
  },
);

test.skipIf(!existsSync(path.join(FIXTURES, 'k3s-1.29-podlist.json')))(
  'a real k3s pod: node and readiness',
  () => {
    const pod = toTopologyPod(fixture('k3s-1.29-podlist.json').items[0] as V1Pod);
    expect(pod).toEqual({
      namespace: 'kube-system',
      name: 'local-path-provisioner-6c86858495-5qc96',
      node: 'kmaster',
      ready: true,
    });
  },
);

test.each([
  ['Ready', [{ type: 'Ready', status: 'True' }], undefined, true, false],
  ['NotReady', [{ type: 'Ready', status: 'False' }], undefined, false, false],
  ['Unknown (node lost)', [{ type: 'Ready', status: 'Unknown' }], undefined, false, false],
  ['no conditions', undefined, undefined, false, false],
  ['cordoned', [{ type: 'Ready', status: 'True' }], true, true, true],
])('node %s', (_case, conditions, unschedulable, ready, cordoned) => {
  const node = toTopologyNode({
    metadata: { name: 'n' },
    spec: { unschedulable },
    status: { conditions },
  } as V1Node);
  expect([node.ready, node.cordoned]).toEqual([ready, cordoned]);
});

test('annotation-only addresses (Tailscale, flannel) are added once, comma lists split', () => {
  const node = toTopologyNode({
    metadata: {
      name: 'n',
      annotations: {
        'k3s.io/internal-ip': '10.0.0.1,fd00::1',
        'k3s.io/external-ip': '100.64.0.5, 203.0.113.5',
        'flannel.alpha.coreos.com/public-ip': '100.64.0.5',
        'k3s.io/hostname': 'n.tail.example',
      },
    },
    status: { addresses: [{ type: 'InternalIP', address: '10.0.0.1' }] },
  } as V1Node);
  expect(node.addresses.map((a) => `${a.type}=${a.address}`)).toEqual([
    'InternalIP=10.0.0.1',
    'k3s.io/internal-ip=fd00::1',
    'k3s.io/external-ip=100.64.0.5',
    'k3s.io/external-ip=203.0.113.5',
    'k3s.io/hostname=n.tail.example',
  ]);
});

test('a terminating pod is not ready; an unscheduled pod has no node', () => {
  const pod = toTopologyPod({
    metadata: { name: 'p', namespace: 'kube-system', deletionTimestamp: new Date() },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  } as V1Pod);
  expect(pod).toEqual({ namespace: 'kube-system', name: 'p', node: null, ready: false });
});

test('lbpool Services and IngressRoute hosts', () => {
  expect(
    toLbService({
      metadata: {
        name: 's',
        namespace: 'kube-system',
        labels: { 'svccontroller.k3s.cattle.io/lbpool': 'pool-a' },
      },
    }),
  ).toEqual({ namespace: 'kube-system', name: 's', pool: 'pool-a' });
  expect(toLbService({ metadata: { name: 's' } })).toBeNull();
  const route = {
    metadata: { name: 'r', namespace: 'apps' },
    spec: {
      routes: [{ match: 'Host(`a.example.com`)' }, { match: 'Host(`a.example.com`) && PathPrefix(`/x`)' }],
    },
  };
  expect(toIngressRoute(route, 'traefik.io')).toEqual({
    namespace: 'apps',
    name: 'r',
    group: 'traefik.io',
    hosts: ['a.example.com'],
  });
});
