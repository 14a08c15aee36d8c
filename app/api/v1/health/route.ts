import { getRuntime } from '@/lib/server/runtime';
import { getHealth } from '@/lib/problems/server/health-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET() {
  return catchApiErrors(() =>
    Response.json(getHealth(getRuntime()), { headers: { 'cache-control': 'no-store' } }),
  );
}
