import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { getPools, POOLS_READ } from '@/lib/pools/server/pools-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return catchApiErrors(async () => {
    const now = Date.now();
    const access = await authorize(getRuntime(), req, POOLS_READ, now);
    if (!access.ok) return access.response;
    return Response.json(getPools(getRuntime(), now, access.who), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  });
}
