import { jsonError } from '@/lib/api/errors';
import { acknowledge } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

/** POST { "by"?: "name" } — acknowledge one alert. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const body = (await request.json().catch(() => ({}))) as { by?: unknown };
  const by = typeof body.by === 'string' && body.by.trim() ? body.by.trim().slice(0, 80) : null;
  const alert = acknowledge(id, by, Date.now());
  return alert ? Response.json(alert) : jsonError(404, 'not_found', `no alert "${id}"`);
}
