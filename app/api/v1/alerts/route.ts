import { alertsDto } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(alertsDto(Date.now()), { headers: { 'cache-control': 'no-store' } });
}
