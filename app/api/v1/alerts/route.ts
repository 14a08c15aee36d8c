import { authorize } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { getRuntime } from '@/lib/server/runtime';
import { alertsDto } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const access = authorize(getRuntime(), req, { role: 'viewer', share: (scope) => shareReadsApi(scope, 'alerts', null) }, Date.now());
  if (!access.ok) return access.response;
  return Response.json(alertsDto(getRuntime(), Date.now()), { headers: { 'cache-control': 'no-store' } });
}
