import { authorize } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import { getRuntime } from '@/lib/server/runtime';
import { getSnapshotJson } from '@/lib/snapshot/server/snapshot-service';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const access = authorize(getRuntime(), req, { role: 'viewer', share: (scope) => shareReadsApi(scope, 'snapshot', null) }, Date.now());
  if (!access.ok) return access.response;
  return new Response(getSnapshotJson(getRuntime(), Date.now()), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
