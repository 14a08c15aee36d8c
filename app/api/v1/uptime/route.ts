import { authorize } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { getRuntime } from '@/lib/server/runtime';
import { parseRangedQuery } from '@/lib/api/parse-ranged-query';
import { UptimeQuery } from '@/lib/api/schemas/uptime';
import { getUptime } from '@/lib/history/server/history-service';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const parsed = parseRangedQuery(UptimeQuery, req.url, Date.now());
  if (!parsed.ok) return parsed.response;
  const { query, range } = parsed.value;
  const { instance, backend, pool } = query;
  // A share link reads the uptime of its own target only: a pool, or a backend.
  const target = pool ? `pool:${pool}` : instance && backend ? `${instance}/${backend}` : '*';
  const access = authorize(getRuntime(), req, { role: 'viewer', share: (scope) => shareReadsApi(scope, 'uptime', target) }, Date.now());
  if (!access.ok) return access.response;
  return Response.json(
    getUptime(getRuntime(), range, {
      buckets: query.buckets || undefined,
      filter: { instance, backend, pool },
    }),
    {
      headers: { 'cache-control': 'no-store' },
    },
  );
}
