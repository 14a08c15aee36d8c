import { authorize } from '@/lib/access/server/access-service';
import { addShareLink, shareLinksDto } from '@/lib/access/server/admin-service';
import { parseJsonBody } from '@/lib/api/parse-query';
import { CreateShareLinkRequestSchema } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return catchApiErrors(async () => {
    const now = Date.now();
    const access = await authorize(getRuntime(), request, 'admin', now);
    if (!access.ok) return access.response;
    return Response.json(await shareLinksDto(getRuntime().store, now), {
      headers: { 'cache-control': 'no-store' },
    });
  });
}

/** POST `{ panel, target, label?, expiresInDays? }` → 201 `{ share, token }`: the token is shown this once. */
export async function POST(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const body = await parseJsonBody(CreateShareLinkRequestSchema, request);
    if (!body.ok) return body.response;
    return addShareLink(getRuntime(), access.who, body.value, Date.now());
  });
}
