import { getRuntime } from '@/lib/server/runtime';
import { alertsDto } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(alertsDto(getRuntime(), Date.now()), { headers: { 'cache-control': 'no-store' } });
}
