import 'server-only';
import type { Identity } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { visibleTarget } from '@/lib/access/share-target';
import { SERVER_NOW_HEADER } from '@/lib/api/snapshot-dto';
import type { Collector } from '@/lib/collector/collector';
import { respondShared, SharedBodies } from '@/lib/http/shared-body';
import { narrowBackends } from '../narrow-snapshot';
import { snapshotJson, toInstanceDto } from './snapshot-json';

/** Viewers, and the share links of the panels that read the snapshot (answered with their own part only). */
export const SNAPSHOT_READ: ShareableRead = {
  role: 'viewer',
  share: (scope) => shareReadsApi(scope, 'snapshot', null),
};

/** Every request's view of one poll shares one encoded, gzipped answer (lib/http/shared-body.ts). */
const bodies = new WeakMap<Collector, SharedBodies>();

/**
 * GET /api/v1/snapshot: every source's latest poll, built once per poll (the collector's generation) and view,
 * answered 304 to a tab that holds it already. `generatedAt` says when that answer was built; the response header
 * `x-hapscope-now` says the server's clock at this request, which the browser sets its clock offset by.
 */
export function snapshotResponse(
  parts: { collector: Collector },
  request: Request,
  now: number,
  who?: Identity,
): Promise<Response> {
  const { collector } = parts;
  let shared = bodies.get(collector);
  if (!shared) bodies.set(collector, (shared = new SharedBodies()));
  const target = visibleTarget(who);
  const key = target.type === 'all' ? 'all' : JSON.stringify(target);
  const body = shared.get(key, collector.generation, () => getSnapshotJson(parts, now, who));
  return respondShared(request, body, { [SERVER_NOW_HEADER]: new Date(now).toISOString() });
}

/**
 * The snapshot as JSON text. A share link gets its own target's backend only, and no frontends
 * (narrow-snapshot.ts); the instances stay listed.
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
  const backends = narrowBackends(
    collector.states.flatMap((state) => state.backends ?? []),
    target,
  );
  return `${JSON.stringify(head).slice(0, -1)},"backends":${JSON.stringify(backends)},"frontends":[]}`;
}
