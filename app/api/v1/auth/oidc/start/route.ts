import { oidcStart } from '@/lib/access/server/sign-in-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** GET ?next=/path: 302 to the OpenID provider. */
export function GET(request: Request) {
  return catchApiErrors(() =>
    oidcStart(getRuntime(), request, new URL(request.url).searchParams.get('next'), Date.now()),
  );
}
