import { getCollector } from '@/lib/collector';
import { snapshotJson } from '@/lib/collector/snapshot';

export const dynamic = 'force-dynamic';

export function GET() {
  return new Response(snapshotJson(getCollector(), Date.now()), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
