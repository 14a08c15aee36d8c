import { getRuntime } from '@/lib/server/runtime';
import { jsonError } from '@/lib/api/errors';
import { parseJsonBody } from '@/lib/api/parse-query';
import { refuseCrossSite } from '@/lib/api/same-origin';
import { AckRequestSchema, ackedBy } from '@/lib/api/schemas/alert-requests';
import { acknowledge } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

/** POST { "by"?: "name" } (or no body) — acknowledge one alert. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSite(request, getRuntime().config.publicOrigin);
  if (refused) return refused;
  const { id } = await params;
  const body = await parseJsonBody(AckRequestSchema, request, { optional: true });
  if (!body.ok) return body.response;
  const alert = acknowledge(getRuntime(), id, ackedBy(body.value), Date.now());
  return alert ? Response.json(alert) : jsonError(404, 'not_found', `no alert "${id}"`);
}
