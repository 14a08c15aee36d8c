import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { alertsDto, ALERTS_READ } from '@/lib/alerts/server/alert-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return catchApiErrors(async () => {
    const now = Date.now();
    const access = await authorize(getRuntime(), req, ALERTS_READ, now);
    if (!access.ok) return access.response;
    return Response.json(await alertsDto(getRuntime(), now, access.who), {
      headers: { 'cache-control': 'no-store' },
    });
  });
}
