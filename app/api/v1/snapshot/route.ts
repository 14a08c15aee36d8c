import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { snapshotResponse, SNAPSHOT_READ } from '@/lib/snapshot/server/snapshot-service';
import { catchApiErrors } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  return catchApiErrors(async () => {
    const now = Date.now();
    const access = await authorize(getRuntime(), req, SNAPSHOT_READ, now);
    if (!access.ok) return access.response;
    return snapshotResponse(getRuntime(), req, now, access.who);
  });
}
