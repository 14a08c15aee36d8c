import { authorize, meDto } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** `{ user: { name, role }, mode, via }`; 401 without an identity. */
export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'viewer', Date.now());
    if (!access.ok) return access.response;
    return Response.json(meDto(getRuntime(), access.who), { headers: { 'cache-control': 'no-store' } });
  });
}
