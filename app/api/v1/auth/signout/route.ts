import { signOut } from '@/lib/access/server/sign-in-service';
import { refuseCrossSite } from '@/lib/api/same-origin';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** POST: ends the session and clears its cookie (204). */
export function POST(request: Request) {
  return catchApiErrors(() => {
    const refused = refuseCrossSite(request, getRuntime().config.publicOrigin);
    if (refused) return refused;
    return signOut(getRuntime(), request);
  });
}
