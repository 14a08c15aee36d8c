import { authorize } from '@/lib/access/server/access-service';
import { requestClient } from '@/lib/access/server/client-service';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseQuery } from '@/lib/api/parse-query';
import { SnapshotStreamQuery } from '@/lib/api/schemas/snapshot-stream';
import { getRuntime } from '@/lib/server/runtime';
import { snapshotStream } from '@/lib/snapshot/server/snapshot-service';

export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events: `event: delta` per poll, `id:` the generation it makes; `?after=` (the snapshot's
 * x-hapscope-stream-id) or Last-Event-ID says where to follow from. Viewers of everything only (a share link reads
 * GET /api/v1/snapshot). 429 beyond SSE_MAX_STREAMS_PER_CLIENT streams from one client address.
 */
export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'viewer', Date.now());
    if (!access.ok) return access.response;
    const url = new URL(request.url);
    const header = request.headers.get('last-event-id');
    if (header !== null) url.searchParams.set('after', header);
    const query = parseQuery(SnapshotStreamQuery, url);
    if (!query.ok) return query.response;
    if (!query.value.after) {
      return jsonError(400, 'bad_parameter', "after: required: the snapshot's x-hapscope-stream-id header");
    }
    return snapshotStream(
      getRuntime(),
      requestClient(getRuntime(), request),
      query.value.after,
      request.signal,
    );
  });
}
