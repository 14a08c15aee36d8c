import 'server-only';
import type { Identity } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { visibleTarget } from '@/lib/access/share-target';
import { SERVER_NOW_HEADER, STREAM_ID_HEADER } from '@/lib/api/snapshot-dto';
import { openEventStream } from '@/lib/sse/event-stream';
import type { EventStreams } from '@/lib/sse/event-streams';
import type { Collector } from '@/lib/collector/collector';
import { respondShared, SharedBodies } from '@/lib/http/shared-body';
import { narrowBackends } from '../narrow-snapshot';
import { snapshotJson, toInstanceDto } from './snapshot-json';
import type { SnapshotLog } from './snapshot-log';

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
  parts: { collector: Collector; snapshotLog: SnapshotLog },
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
  const headers: Record<string, string> = { [SERVER_NOW_HEADER]: new Date(now).toISOString() };
  // A viewer of everything may follow the changes from here on (a share link's narrowed part has no stream).
  if (target.type === 'all') headers[STREAM_ID_HEADER] = parts.snapshotLog.follow();
  return respondShared(request, body, headers);
}

/**
 * GET /api/v1/snapshot/stream: `event: delta` per poll after `afterId` (replayed from the log, then live), or one
 * `event: reset` when the log no longer holds that id or it is from before a restart. 429 once `client` holds
 * SSE_MAX_STREAMS_PER_CLIENT streams.
 */
export function snapshotStream(
  parts: { snapshotLog: SnapshotLog; snapshotStreams: EventStreams },
  client: string | null,
  afterId: string,
  signal: AbortSignal,
): Response {
  parts.snapshotLog.follow();
  return openEventStream(
    parts.snapshotStreams,
    { client, signal, lastId: afterId },
    parts.snapshotLog.source(),
  );
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
