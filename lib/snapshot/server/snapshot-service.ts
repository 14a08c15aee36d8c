import 'server-only';
import type { Identity } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { visibleTarget, type ShareTarget } from '@/lib/access/share-target';
import type { Collector } from '@/lib/collector/collector';
import { narrowBackends } from '../narrow-snapshot';
import { snapshotJson, toInstanceDto } from './snapshot-json';

/** Viewers, and the share links of the panels that read the snapshot (answered with their own part only). */
export const SNAPSHOT_READ: ShareableRead = {
  role: 'viewer',
  share: (scope) => shareReadsApi(scope, 'snapshot', null),
};

/**
 * GET /api/v1/snapshot: every source's latest poll, as JSON text (the bulk is serialized once per poll). A share
 * link gets its own target's backend only, and no frontends (narrow-snapshot.ts); the instances stay listed.
 */
export function getSnapshotJson(
  { collector }: { collector: Collector },
  now: number,
  who?: Identity,
): string {
  const target = visibleTarget(who);
  if (target.type === 'all') return snapshotJson(collector, now);
  const head = {
    generatedAt: new Date(now).toISOString(),
    pollIntervalMs: collector.config.pollIntervalMs,
    instances: collector.states.map((state) => toInstanceDto(state, now)),
  };
  return `${JSON.stringify(head).slice(0, -1)},${narrowedProxiesJson(collector, target)}}`;
}

const MAX_MEMO_TARGETS = 1000;
const narrowed = new WeakMap<Collector, { generation: number; byTarget: Map<string, string> }>();

/** A share's backends as JSON, once per poll and target: a wiki page of many frames asks every few seconds. */
function narrowedProxiesJson(collector: Collector, target: ShareTarget): string {
  let memo = narrowed.get(collector);
  if (!memo || memo.generation !== collector.generation) {
    memo = { generation: collector.generation, byTarget: new Map() };
    narrowed.set(collector, memo);
  }
  const key = JSON.stringify(target);
  let json = memo.byTarget.get(key);
  if (json === undefined) {
    const backends = narrowBackends(
      collector.states.flatMap((state) => state.backends ?? []),
      target,
    );
    json = `"backends":${JSON.stringify(backends)},"frontends":[]`;
    if (memo.byTarget.size >= MAX_MEMO_TARGETS) memo.byTarget.clear();
    memo.byTarget.set(key, json);
  }
  return json;
}
