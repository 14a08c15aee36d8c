import { authorize } from '@/lib/access/server/access-service';
import { parseQuery } from '@/lib/api/parse-query';
import { RoutesQuery } from '@/lib/api/schemas/routes';
import { getRoutes } from '@/lib/pools/server/routes-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), req, 'viewer', Date.now());
    if (!access.ok) return access.response;
    const query = parseQuery(RoutesQuery, req.url);
    if (!query.ok) return query.response;
    return Response.json(getRoutes(getRuntime(), Date.now(), query.value.backend), {
      headers: { 'cache-control': 'no-store' },
    });
  });
}
