import { expect, test } from 'vitest';
import { buildNodeIndex, buildRuleIndex, placeServer, type ServerRule } from './correlate';
import { addressHost } from './server-address';
import type { TopologyNode } from './topology';

const POOL_LABELS = ['svccontroller.k3s.cattle.io/lbpool', 'topology.kubernetes.io/zone'];

function node(name: string, labels: Record<string, string>, addresses: [string, string][]): TopologyNode {
  return {
    name,
    ready: true,
    cordoned: false,
    labels: { 'kubernetes.io/hostname': name, ...labels },
    addresses: addresses.map(([type, address]) => ({ type, address })),
  };
}

const NODES: TopologyNode[] = [
  node('loc-a-1', { 'svccontroller.k3s.cattle.io/lbpool': 'pool-a' }, [
    ['InternalIP', '10.0.1.11'],
    ['InternalIP', '2001:db8:1::11'],
    ['Hostname', 'loc-a-1'],
    ['k3s.io/external-ip', '100.64.0.11'],
  ]),
  node('loc-b-1', { 'svccontroller.k3s.cattle.io/lbpool': 'pool-b' }, [
    ['InternalIP', '10.0.2.11'],
    ['ExternalIP', '203.0.113.21'],
    ['flannel.alpha.coreos.com/public-ip', '100.64.0.21'],
  ]),
  node('zone-only', { 'topology.kubernetes.io/zone': 'eu-1' }, [['InternalIP', '10.0.3.11']]),
  node('no-pool', {}, [['InternalIP', '10.0.4.11']]),
  { ...node('machine-7', {}, [['InternalIP', '10.0.5.11']]), labels: { 'kubernetes.io/hostname': 'gw7' } },
];
const INDEX = buildNodeIndex(NODES, POOL_LABELS);
const NO_RULES = buildRuleIndex([], []);
const ref = (server: string, address: string | null, backend = 'web', instance = 'main') => ({
  instance,
  backend,
  server,
  address,
});

test.each([
  ['10.0.1.11:80', '10.0.1.11'],
  ['[2001:db8:1::11]:80', '2001:db8:1::11'],
  ['[2001:0DB8:1:0:0:0:0:11]:8080', '2001:db8:1::11'],
  ['2001:db8:1::11', '2001:db8:1::11'],
  ['[fe80::1%eth0]:80', 'fe80::1'],
  ['[::ffff:10.0.1.11]:80', '10.0.1.11'],
  ['Loc-A-1.Example.COM.:80', 'loc-a-1.example.com'],
  ['10.0.1.11', '10.0.1.11'],
  ['', null],
])('address %s has host %s', (address, host) => {
  expect(addressHost(address)).toBe(host);
});

test.each([
  ['InternalIP v4', ref('srv', '10.0.1.11:80'), 'loc-a-1', 'pool-a', 'address'],
  ['InternalIP v6 bracketed', ref('srv', '[2001:db8:1::11]:80'), 'loc-a-1', 'pool-a', 'address'],
  ['InternalIP v6 uncompressed', ref('srv', '[2001:db8:1:0::11]:80'), 'loc-a-1', 'pool-a', 'address'],
  ['ExternalIP', ref('srv', '203.0.113.21:80'), 'loc-b-1', 'pool-b', 'address'],
  ['k3s external-ip annotation', ref('srv', '100.64.0.11:80'), 'loc-a-1', 'pool-a', 'address'],
  ['flannel public-ip annotation', ref('srv', '100.64.0.21:443'), 'loc-b-1', 'pool-b', 'address'],
  ['Hostname address', ref('srv', 'loc-a-1:80'), 'loc-a-1', 'pool-a', 'address'],
  ['DNS name = node name', ref('srv', 'loc-b-1:80'), 'loc-b-1', 'pool-b', 'dns-name'],
  ['FQDN short name', ref('srv', 'loc-b-1.site.example:80'), 'loc-b-1', 'pool-b', 'dns-name'],
  ['DNS name = hostname label', ref('srv', 'GW7:80'), 'machine-7', 'unassigned', 'dns-name'],
  ['server name = node name', ref('loc-b-1', '192.0.2.1:80'), 'loc-b-1', 'pool-b', 'server-name'],
  ['second pool label', ref('srv', '10.0.3.11:80'), 'zone-only', 'eu-1', 'address'],
  ['no pool label', ref('srv', '10.0.4.11:80'), 'no-pool', 'unassigned', 'address'],
  ['unknown address', ref('agent9', '192.0.2.9:80'), null, 'unassigned', null],
  ['no address', ref('agent9', null), null, 'unassigned', null],
])('%s', (_case, server, node, pool, via) => {
  expect(placeServer(server, INDEX, NO_RULES)).toEqual({ node, pool, via });
});

const OVERRIDES: ServerRule[] = [
  { instance: null, backend: null, server: 'agent1', value: 'loc-b-1' },
  { instance: null, backend: 'api', server: 'agent1', value: 'zone-only' },
  { instance: 'edge', backend: 'api', server: 'agent1', value: 'loc-a-1' },
  { instance: null, backend: null, server: 'ghost', value: 'not-a-node' },
];
const STATIC: ServerRule[] = [
  { instance: null, backend: null, server: 'agent2', value: 'pool-static' },
  { instance: null, backend: null, server: 'ghost', value: 'pool-ghost' },
];
const RULES = buildRuleIndex(OVERRIDES, STATIC);

test.each([
  ['override beats the address', ref('agent1', '10.0.1.11:80'), 'loc-b-1', 'pool-b', 'override'],
  ['backend/server override beats server', ref('agent1', null, 'api'), 'zone-only', 'eu-1', 'override'],
  [
    'instance/backend/server is most specific',
    ref('agent1', null, 'api', 'edge'),
    'loc-a-1',
    'pool-a',
    'override',
  ],
  [
    'override to an unknown node takes the static pool',
    ref('ghost', null),
    'not-a-node',
    'pool-ghost',
    'override',
  ],
  ['a matched node beats a static pool', ref('agent2', '10.0.2.11:80'), 'loc-b-1', 'pool-b', 'address'],
  [
    'unmatched server falls back to its static pool',
    ref('agent2', '192.0.2.2:80'),
    null,
    'pool-static',
    'static',
  ],
])('rules: %s', (_case, server, node, pool, via) => {
  expect(placeServer(server, INDEX, RULES)).toEqual({ node, pool, via });
});

test.each([
  ['static pool without Kubernetes', ref('agent2', '10.0.2.11:80'), null, 'pool-static', 'static'],
  ['override without Kubernetes keeps the node name', ref('agent1', null), 'loc-b-1', null, 'override'],
  ['no rule and no Kubernetes: no pool at all', ref('agent3', '10.0.2.11:80'), null, null, null],
])('%s', (_case, server, node, pool, via) => {
  expect(placeServer(server, null, RULES)).toEqual({ node, pool, via });
});

test('two nodes claiming one address: the first by name wins, whatever the list order', () => {
  const twins = [
    node('b-node', {}, [['InternalIP', '10.9.9.9']]),
    node('a-node', {}, [['InternalIP', '10.9.9.9']]),
  ];
  expect(placeServer(ref('s', '10.9.9.9:80'), buildNodeIndex(twins, POOL_LABELS), NO_RULES).node).toBe(
    'a-node',
  );
});
