/**
 * HAProxy server → Kubernetes node → location pool. The index is built once per topology change; placing a
 * server is then a handful of Map lookups, so 20,000 servers against 2,000 nodes stays within a few ms.
 */
import { addressHost, normalizeHost, shortName } from './server-address';
import type { ServerRef } from './server-key';
import { UNASSIGNED_POOL, type TopologyNode } from './topology';

/** A config-file rule: `[instance/][backend/]server=value` (value is a node name or a pool name). */
export interface ServerRule {
  instance: string | null;
  backend: string | null;
  server: string;
  value: string;
}

/** A server and the address HAProxy reaches it at. */
export interface AddressedServer extends ServerRef {
  address: string | null;
}

export type MatchKind = 'override' | 'address' | 'dns-name' | 'server-name' | 'static' | null;

export interface Placement {
  node: string | null;
  pool: string | null;
  via: MatchKind;
}

export interface NodeIndex {
  byAddress: Map<string, TopologyNode>;
  byName: Map<string, TopologyNode>;
  poolOf: Map<string, string>;
}

/** Rules by server name: a lookup is one Map get, then a pick among that name's (few) rules. */
export interface RuleIndex {
  nodeOverrides: Map<string, ServerRule[]>;
  staticPools: Map<string, ServerRule[]>;
}

/** First present label of `poolLabels`, else "unassigned". */
export function nodePool(node: TopologyNode, poolLabels: readonly string[]): string {
  for (const label of poolLabels) {
    const value = node.labels[label];
    if (value) return value;
  }
  return UNASSIGNED_POOL;
}

/** Nodes sorted by name first, so when two nodes claim one address the choice is stable. */
export function buildNodeIndex(nodes: readonly TopologyNode[], poolLabels: readonly string[]): NodeIndex {
  const index: NodeIndex = { byAddress: new Map(), byName: new Map(), poolOf: new Map() };
  const sorted = [...nodes].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const node of sorted) {
    index.poolOf.set(node.name, nodePool(node, poolLabels));
    for (const { address } of node.addresses) setOnce(index.byAddress, normalizeHost(address), node);
    setOnce(index.byName, node.name.toLowerCase(), node);
    const hostname = node.labels['kubernetes.io/hostname'];
    if (hostname) setOnce(index.byName, hostname.toLowerCase(), node);
  }
  return index;
}

export function buildRuleIndex(
  nodeOverrides: readonly ServerRule[],
  staticPools: readonly ServerRule[],
): RuleIndex {
  const toMap = (rules: readonly ServerRule[]) => {
    const map = new Map<string, ServerRule[]>();
    for (const rule of rules) map.set(rule.server, [...(map.get(rule.server) ?? []), rule]);
    return map;
  };
  return { nodeOverrides: toMap(nodeOverrides), staticPools: toMap(staticPools) };
}

/**
 * Node: config override, else address host = a node address (IPs, Hostname, k3s/flannel annotations), else a DNS
 * name = node name or hostname label (also the FQDN's short name), else server name = node name.
 * Pool: the node's pool; else a static pool rule; else "unassigned" when Kubernetes is known, null without it.
 */
export function placeServer(ref: AddressedServer, nodes: NodeIndex | null, rules: RuleIndex): Placement {
  const override = lookupRule(rules.nodeOverrides, ref);
  const staticPool = lookupRule(rules.staticPools, ref);
  if (override !== undefined) {
    const pool = nodes?.poolOf.get(override) ?? staticPool ?? (nodes ? UNASSIGNED_POOL : null);
    return { node: override, pool, via: 'override' };
  }
  const found = nodes ? findNode(ref, nodes) : null;
  if (found && nodes)
    return { node: found.node.name, pool: nodes.poolOf.get(found.node.name)!, via: found.via };
  if (staticPool !== undefined) return { node: null, pool: staticPool, via: 'static' };
  return { node: null, pool: nodes ? UNASSIGNED_POOL : null, via: null };
}

function findNode(ref: AddressedServer, index: NodeIndex): { node: TopologyNode; via: MatchKind } | null {
  const host = addressHost(ref.address);
  if (host) {
    const byAddress = index.byAddress.get(host);
    if (byAddress) return { node: byAddress, via: 'address' };
    const short = shortName(host);
    const byName =
      index.byName.get(host) ?? (short ? (index.byName.get(short) ?? index.byAddress.get(short)) : undefined);
    if (byName) return { node: byName, via: 'dns-name' };
  }
  const byServerName = index.byName.get(ref.server.toLowerCase());
  return byServerName ? { node: byServerName, via: 'server-name' } : null;
}

/** The most specific matching rule: instance/backend/server, then backend/server, then server; first one wins. */
function lookupRule(map: Map<string, ServerRule[]>, ref: AddressedServer): string | undefined {
  const rules = map.get(ref.server);
  if (!rules) return undefined;
  let best: ServerRule | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    if (rule.instance !== null && rule.instance !== ref.instance) continue;
    if (rule.backend !== null && rule.backend !== ref.backend) continue;
    const score = (rule.instance !== null ? 2 : 0) + (rule.backend !== null ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [rule, score];
  }
  return best?.value;
}

function setOnce<V>(map: Map<string, V>, key: string, value: V): void {
  if (key && !map.has(key)) map.set(key, value);
}
