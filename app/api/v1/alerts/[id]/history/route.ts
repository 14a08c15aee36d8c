import { authorize } from '@/lib/access/server/access-service';
import { alertHistoryDto } from '@/lib/alerts/server/alert-service';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-query';
import { AlertIdParams } from '@/lib/api/schemas/alerts';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

/** Every stored change of one alert, oldest first: fired, acknowledged / muted / unmuted by whom, resolved. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return catchApiErrors(async () => {
    const now = Date.now();
    const access = await authorize(getRuntime(), request, 'viewer', now);
    if (!access.ok) return access.response;
    const path = parseParams(AlertIdParams, await params);
    if (!path.ok) return path.response;
    const history = await alertHistoryDto(getRuntime(), path.value.id, now);
    return history ? Response.json(history) : jsonError(404, 'not_found', `no alert "${path.value.id}"`);
  });
}
