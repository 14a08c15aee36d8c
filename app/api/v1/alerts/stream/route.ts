import { alertStream } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

/** Server-Sent Events: `event: alert`, `id:` increasing; `Last-Event-ID` (or ?lastEventId=) resumes. */
export function GET(request: Request) {
  const header = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
  const lastEventId = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  return alertStream(lastEventId, request.signal);
}
