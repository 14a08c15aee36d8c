import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse-query';
import { AckRequestSchema } from '@/lib/api/schemas/alert-requests';
import { acknowledge } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

/** POST (no body, or `{}`): acknowledge one alert as the signed-in person or token. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'operator', Date.now());
    if (!access.ok) return access.response;
    const { id } = await params;
    const body = await parseJsonBody(AckRequestSchema, request, { optional: true });
    if (!body.ok) return body.response;
    const alert = await acknowledge(getRuntime(), access.who, id, Date.now());
    return alert ? Response.json(alert) : jsonError(404, 'not_found', `no alert "${id}"`);
  });
}
