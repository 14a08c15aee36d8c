import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { parseQuery } from '@/lib/api/parse-query';
import { AlertStreamQuery } from '@/lib/api/schemas/alerts';
import { alertStream } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

/** Server-Sent Events: `event: alert`, `id:` increasing; `Last-Event-ID` (or ?lastEventId=) resumes. */
export function GET(request: Request) {
  const access = authorize(getRuntime(), request, 'viewer', Date.now());
  if (!access.ok) return access.response;
  const query = parseQuery(AlertStreamQuery, request.url);
  if (!query.ok) return query.response;
  const header = request.headers.get('last-event-id');
  const resume = header !== null && /^\d+$/.test(header) ? header : query.value.lastEventId;
  return alertStream(getRuntime(), resume === undefined ? null : Number(resume), request.signal);
}
