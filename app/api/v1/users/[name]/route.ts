import { authorize } from '@/lib/access/server/access-service';
import { deleteUser, editUser } from '@/lib/access/server/admin-service';
import { parseJsonBody, parseParams } from '@/lib/api/parse-query';
import { UpdateUserRequestSchema, UserParams } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ name: string }> };

/** PATCH `{ role?, password? }`: the user's sessions end; they sign in again. */
export async function PATCH(request: Request, { params }: Context) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const path = parseParams(UserParams, await params);
    if (!path.ok) return path.response;
    const body = await parseJsonBody(UpdateUserRequestSchema, request);
    if (!body.ok) return body.response;
    return editUser(getRuntime(), access.who, path.value.name, body.value, Date.now());
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const path = parseParams(UserParams, await params);
    if (!path.ok) return path.response;
    return deleteUser(getRuntime(), access.who, path.value.name, Date.now());
  });
}
