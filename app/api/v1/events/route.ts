import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { parseRangedQuery } from '@/lib/api/parse-ranged-query';
import { EventsQuery } from '@/lib/api/schemas/events';
import { getEvents } from '@/lib/history/server/history-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), req, 'viewer', Date.now());
    if (!access.ok) return access.response;
    const parsed = parseRangedQuery(EventsQuery, req.url, Date.now());
    if (!parsed.ok) return parsed.response;
    const { query, range } = parsed.value;
    const { instance, backend, server, pool } = query;
    return Response.json(
      await getEvents(getRuntime(), range, query.limit, { instance, backend, server, pool }),
      {
        headers: { 'cache-control': 'no-store' },
      },
    );
  });
}
