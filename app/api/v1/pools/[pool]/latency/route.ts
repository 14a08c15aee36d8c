import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-query';
import { parseRangedQuery } from '@/lib/api/parse-ranged-query';
import { PoolLatencyParams, PoolLatencyQuery } from '@/lib/api/schemas/pools';
import { getPoolLatency } from '@/lib/pools/server/pools-service';

export const dynamic = 'force-dynamic';

/** A pool's check-latency history: p50/p95/max per bucket over ?range= or ?from=&to=. */
export async function GET(req: Request, { params }: { params: Promise<{ pool: string }> }) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), req, 'viewer', Date.now());
    if (!access.ok) return access.response;
    const path = parseParams(PoolLatencyParams, await params);
    if (!path.ok) return path.response;
    const now = Date.now();
    const parsed = parseRangedQuery(PoolLatencyQuery, req.url, now, '1h');
    if (!parsed.ok) return parsed.response;
    const latency = await getPoolLatency(getRuntime(), path.value.pool, parsed.value.range, now);
    if (!latency) return jsonError(404, 'not_found', `no pool "${path.value.pool}"`);
    return Response.json(latency, { headers: { 'cache-control': 'no-store' } });
  });
}
