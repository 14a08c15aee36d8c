import { getCollector } from '@/lib/collector';
import { poolsDto } from '@/lib/collector/apply-topology';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(poolsDto(getCollector(), Date.now()), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
