import { jsonError } from '@/lib/api/errors';
import { parseMuteRequest } from '@/lib/api/mute-request';
import { alertsDto, mute } from '@/lib/alerts/server/alert-service';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ mutes: alertsDto(Date.now()).mutes });
}

/** POST { target: { instance?, backend?, server?, pool? }, durationMinutes, reason? } */
export async function POST(request: Request) {
  const parsed = parseMuteRequest(await request.json().catch(() => null));
  if ('error' in parsed) return jsonError(400, 'bad_parameter', parsed.error);
  return Response.json(mute(parsed.target, parsed.durationMs, parsed.reason, Date.now()), { status: 201 });
}
