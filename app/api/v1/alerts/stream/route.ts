import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';
import { parseQuery } from '@/lib/api/parse-query';
import { AlertStreamQuery } from '@/lib/api/schemas/alerts';
import { alertStream } from '@/lib/alerts/server/alert-service';
import { requestClient } from '@/lib/access/server/client-service';

export const dynamic = 'force-dynamic';

/**
 * Server-Sent Events: `event: alert`, `id:` increasing; `Last-Event-ID` (or ?lastEventId=) resumes. 429 beyond
 * SSE_MAX_STREAMS_PER_CLIENT streams from one client address.
 */
export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'viewer', Date.now());
    if (!access.ok) return access.response;
    const query = parseQuery(AlertStreamQuery, request.url);
    if (!query.ok) return query.response;
    const header = request.headers.get('last-event-id');
    const resume = header !== null && /^\d{1,15}$/.test(header) ? header : query.value.lastEventId;
    const lastEventId = resume === undefined ? null : Number(resume);
    return alertStream(getRuntime(), requestClient(getRuntime(), request), lastEventId, request.signal);
  });
}
