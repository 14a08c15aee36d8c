/**
 * Correlation of 20,000 HAProxy servers against 2,000 k3s nodes (20 pools): the node index is built once per
 * topology change, placing every server happens on every poll. Target: placement well under 20 ms.
 * Run alone with `npx tsx e2e/bench/correlation-bench.ts`. Imports pure modules only (no 'server-only').
 */
import {
  buildNodeIndex,
  buildRuleIndex,
  placeServer,
  type AddressedServer,
} from '../../lib/health/correlate';
import { buildPoolHealth } from '../../lib/health/pool-health';
import type { TopologyNode } from '../../lib/health/topology';
import type { Backend, Server } from '../../lib/health/types';
import { fmt, printTable, timeMedian } from './measure';

const NODES = 2000;
const SERVERS = 20_000;
const POOL_LABELS = ['svccontroller.k3s.cattle.io/lbpool', 'topology.kubernetes.io/zone'];

function makeNodes(): TopologyNode[] {
  return Array.from({ length: NODES }, (_, i) => {
    const name = `loc-${i % 20}-${i}`;
    const [a, b] = [Math.floor(i / 250), i % 250];
    return {
      name,
      ready: i % 97 !== 0,
      cordoned: false,
      labels: { 'kubernetes.io/hostname': name, 'svccontroller.k3s.cattle.io/lbpool': `pool-${i % 20}` },
      addresses: [
        { type: 'InternalIP', address: `10.${a}.${b}.1` },
        { type: 'InternalIP', address: `fd00:${a.toString(16)}::${b.toString(16)}` },
        { type: 'Hostname', address: name },
        { type: 'k3s.io/external-ip', address: `100.64.${a}.${b}` },
      ],
    };
  });
}

/** Every address form in rotation: v4, [v6]:port, Tailscale annotation, FQDN, server name, unknown. */
function makeServers(nodes: TopologyNode[]): AddressedServer[] {
  return Array.from({ length: SERVERS }, (_, i) => {
    const node = nodes[i % NODES]!;
    const [v4, v6, , tailscale] = node.addresses.map((x) => x.address);
    const address = [
      `${v4}:80`,
      `[${v6}]:80`,
      `${tailscale}:80`,
      `${node.name}.site.example:80`,
      '192.0.2.1:80',
      `${v4}:443`,
    ][i % 6]!;
    return {
      instance: 'main',
      backend: `be-${i % 500}`,
      server: i % 6 === 4 ? node.name : `srv-${i}`,
      address,
    };
  });
}

export function runCorrelationBench(): { indexMs: number; placeMs: number; poolsMs: number } {
  const nodes = makeNodes();
  const servers = makeServers(nodes);
  const rules = buildRuleIndex(
    [{ instance: null, backend: null, server: 'srv-1', value: nodes[5]!.name }],
    [],
  );
  const indexMs = timeMedian(15, () => buildNodeIndex(nodes, POOL_LABELS));
  const index = buildNodeIndex(nodes, POOL_LABELS);
  let placed = 0;
  const placeMs = timeMedian(25, () => {
    placed = 0;
    for (const ref of servers) if (placeServer(ref, index, rules).node !== null) placed++;
  });
  const backends = toBackends(servers, index, rules);
  const poolsMs = timeMedian(15, () =>
    buildPoolHealth({
      topology: { nodes, svclbPods: [], traefikPods: [], lbServices: [], ingressRoutes: [] },
      poolOf: index.poolOf,
      backends,
      latencyOf: () => [3, 5, 8],
    }),
  );
  printTable(`Correlation: ${SERVERS} servers × ${NODES} nodes (median ms)`, [
    { step: 'build node index (per topology change)', ms: fmt(indexMs, 2) },
    { step: `place every server (per poll; ${placed} on a node)`, ms: fmt(placeMs, 2) },
    { step: 'pool health for GET /api/v1/pools', ms: fmt(poolsMs, 2) },
  ]);
  return { indexMs, placeMs, poolsMs };
}

function toBackends(
  servers: AddressedServer[],
  index: ReturnType<typeof buildNodeIndex>,
  rules: ReturnType<typeof buildRuleIndex>,
): Backend[] {
  const byBackend = new Map<string, Server[]>();
  for (const ref of servers) {
    const p = placeServer(ref, index, rules);
    const server = {
      name: ref.server,
      address: ref.address,
      status: 'UP',
      backup: false,
      check: { durationMs: 4 },
      node: p.node,
      pool: p.pool,
    };
    byBackend.set(ref.backend, [...(byBackend.get(ref.backend) ?? []), server as unknown as Server]);
  }
  return [...byBackend].map(
    ([name, list]) =>
      ({ instance: 'main', name, servingFromBackup: false, servers: list }) as unknown as Backend,
  );
}

if (process.argv[1]?.endsWith('correlation-bench.ts')) runCorrelationBench();
