import { getRuntime } from '@/lib/server/runtime';
import { getHealth } from '@/lib/problems/server/health-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(getHealth(getRuntime()), { headers: { 'cache-control': 'no-store' } });
}
