import { getRuntime } from '@/lib/server/runtime';
import { getSnapshotJson } from '@/lib/snapshot/server/snapshot-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(getSnapshotJson(getRuntime(), Date.now()), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
