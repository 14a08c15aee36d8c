import { authorize } from '@/lib/access/server/access-service';
import { addApiToken, apiTokensDto } from '@/lib/access/server/admin-service';
import { parseJsonBody } from '@/lib/api/parse-query';
import { CreateApiTokenRequestSchema } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return catchApiErrors(async () => {
    const now = Date.now();
    const access = await authorize(getRuntime(), request, 'admin', now);
    if (!access.ok) return access.response;
    return Response.json(await apiTokensDto(getRuntime().store, now), {
      headers: { 'cache-control': 'no-store' },
    });
  });
}

/** POST `{ name, role, expiresInDays? }` → 201 `{ token, secret }`: the secret is shown this once. */
export async function POST(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const body = await parseJsonBody(CreateApiTokenRequestSchema, request);
    if (!body.ok) return body.response;
    return addApiToken(getRuntime(), access.who, body.value, Date.now());
  });
}
