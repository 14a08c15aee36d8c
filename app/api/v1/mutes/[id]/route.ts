import { jsonError } from '@/lib/api/errors';
import { unmute } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d+$/.test(id)) return jsonError(400, 'bad_parameter', 'id: must be a whole number');
  return unmute(Number(id))
    ? new Response(null, { status: 204 })
    : jsonError(404, 'not_found', `no mute ${id}`);
}
