import { signIn } from '@/lib/access/server/sign-in-service';
import { parseJsonBody } from '@/lib/api/parse-query';
import { refuseCrossSite } from '@/lib/api/same-origin';
import { SignInRequestSchema } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** POST `{ name, password }` (local mode): a session cookie, or 401 `wrong user name or password`, or 429. */
export async function POST(request: Request) {
  return catchApiErrors(async () => {
    const refused = refuseCrossSite(request, getRuntime().config.publicOrigin);
    if (refused) return refused;
    const body = await parseJsonBody(SignInRequestSchema, request);
    if (!body.ok) return body.response;
    return signIn(getRuntime(), request, body.value, Date.now());
  });
}
