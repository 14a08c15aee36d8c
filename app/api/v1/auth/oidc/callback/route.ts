import { oidcCallback } from '@/lib/access/server/sign-in-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** GET: the provider's answer; 302 to the page asked for, signed in, or back to /signin with the reason. */
export function GET(request: Request) {
  return catchApiErrors(() => oidcCallback(getRuntime(), request, Date.now()));
}
