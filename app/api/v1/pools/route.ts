import { getRuntime } from '@/lib/server/runtime';
import { getPools } from '@/lib/pools/server/pools-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(getPools(getRuntime(), Date.now()), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
