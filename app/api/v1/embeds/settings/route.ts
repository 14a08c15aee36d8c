import { authorize } from '@/lib/access/server/access-service';
import { embedSettingsDto } from '@/lib/embeds/server/embed-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** `{ publicEmbeds }`: whether a wiki needs a share token at all (the share dialog says so). */
export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'viewer', Date.now());
    if (!access.ok) return access.response;
    return Response.json(embedSettingsDto(getRuntime()), { headers: { 'cache-control': 'no-store' } });
  });
}
