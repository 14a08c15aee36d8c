import { authorize } from '@/lib/access/server/access-service';
import { revoke } from '@/lib/access/server/admin-service';
import { parseParams } from '@/lib/api/parse-query';
import { RevocableParams } from '@/lib/api/schemas/access';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

/** Revokes it (204): it stops working at once and stays listed as revoked. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return catchApiErrors(async () => {
    const access = await authorize(getRuntime(), request, 'admin', Date.now());
    if (!access.ok) return access.response;
    const path = parseParams(RevocableParams, await params);
    if (!path.ok) return path.response;
    return revoke(getRuntime(), access.who, 'share', path.value.id, Date.now());
  });
}
