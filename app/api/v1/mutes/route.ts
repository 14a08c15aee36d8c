import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { parseJsonBody } from '@/lib/api/parse-query';
import { MuteRequestSchema, toMuteRequest } from '@/lib/api/schemas/alert-requests';
import { alertsDto, mute } from '@/lib/alerts/server/alert-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'viewer', Date.now());
    if (!access.ok) return access.response;
    return Response.json(
      { mutes: (await alertsDto(getRuntime(), Date.now())).mutes },
      { headers: { 'cache-control': 'no-store' } },
    );
  });
}

/** POST { target: { instance?, backend?, server?, pool? }, durationMinutes, reason? } */
export async function POST(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'operator', Date.now());
    if (!access.ok) return access.response;
    const body = await parseJsonBody(MuteRequestSchema, request);
    if (!body.ok) return body.response;
    const { target, durationMs, reason } = toMuteRequest(body.value);
    return Response.json(await mute(getRuntime(), access.who, target, durationMs, reason, Date.now()), {
      status: 201,
    });
  });
}
