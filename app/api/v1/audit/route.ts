import { authorize } from '@/lib/access/server/access-service';
import { auditDto } from '@/lib/access/server/admin-service';
import { parseQuery } from '@/lib/api/parse-query';
import { AuditQuery } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** Who changed what, newest first: `?limit=` (≤ 1000), `?before=<seq>` for the page after. */
export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const query = parseQuery(AuditQuery, request.url);
    if (!query.ok) return query.response;
    return Response.json(await auditDto(getRuntime(), query.value), {
      headers: { 'cache-control': 'no-store' },
    });
  });
}
