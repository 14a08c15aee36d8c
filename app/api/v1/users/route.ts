import { authorize } from '@/lib/access/server/access-service';
import { addUser, usersDto } from '@/lib/access/server/admin-service';
import { parseJsonBody } from '@/lib/api/parse-query';
import { CreateUserRequestSchema } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    return Response.json(await usersDto(getRuntime()), { headers: { 'cache-control': 'no-store' } });
  });
}

/** POST `{ name, role, password }` (local mode). */
export async function POST(request: Request) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const body = await parseJsonBody(CreateUserRequestSchema, request);
    if (!body.ok) return body.response;
    return addUser(getRuntime(), access.who, body.value, Date.now());
  });
}
