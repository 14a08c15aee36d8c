import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-query';
import { MuteIdParams } from '@/lib/api/schemas/alerts';
import { unmute } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'operator', Date.now());
    if (!access.ok) return access.response;
    const path = parseParams(MuteIdParams, await params);
    if (!path.ok) return path.response;
    const { id } = path.value;
    return (await unmute(getRuntime(), access.who, Number(id), Date.now()))
      ? new Response(null, { status: 204 })
      : jsonError(404, 'not_found', `no mute ${id}`);
  });
}
