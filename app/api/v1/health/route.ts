import { getHealth } from '@/lib/problems/server/health-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(getHealth(), { headers: { 'cache-control': 'no-store' } });
}
