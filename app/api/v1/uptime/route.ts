import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { parseRangedQuery } from '@/lib/api/parse-ranged-query';
import { UptimeQuery } from '@/lib/api/schemas/uptime';
import { uptimeRead, uptimeResponse } from '@/lib/history/server/history-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return catchApiErrors(async () => {
    const parsed = parseRangedQuery(UptimeQuery, req.url, Date.now());
    if (!parsed.ok) return parsed.response;
    const { query, range } = parsed.value;
    const { instance, backend, pool } = query;
    const access = await authorize(getRuntime(), req, uptimeRead({ instance, backend, pool }), Date.now());
    if (!access.ok) return access.response;
    const options = { buckets: query.buckets || undefined, filter: { instance, backend, pool } };
    return uptimeResponse(getRuntime(), req, { range, key: JSON.stringify(query), options }, access.who);
  });
}
