import { getRuntime } from '@/lib/server/runtime';
import { jsonError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-query';
import { refuseCrossSite } from '@/lib/api/same-origin';
import { MuteIdParams } from '@/lib/api/schemas/alerts';
import { unmute } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const refused = refuseCrossSite(request, getRuntime().config.publicOrigin);
  if (refused) return refused;
  const path = parseParams(MuteIdParams, await params);
  if (!path.ok) return path.response;
  const { id } = path.value;
  return unmute(getRuntime(), Number(id))
    ? new Response(null, { status: 204 })
    : jsonError(404, 'not_found', `no mute ${id}`);
}
