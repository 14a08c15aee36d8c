import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-query';
import { parseRangedQuery } from '@/lib/api/parse-ranged-query';
import { BackendHistoryParams, BackendHistoryQuery } from '@/lib/api/schemas/history';
import { backendHistoryRead, getBackendHistory } from '@/lib/history/server/history-service';

export const dynamic = 'force-dynamic';

interface Params {
  instance: string;
  backend: string;
}

export async function GET(req: Request, { params }: { params: Promise<Params> }) {
  return catchApiErrors(async () => {
    const path = parseParams(BackendHistoryParams, await params);
    if (!path.ok) return path.response;
    const parsed = parseRangedQuery(BackendHistoryQuery, req.url, Date.now());
    if (!parsed.ok) return parsed.response;
    const ref = path.value;
    const access = await authorize(getRuntime(), req, backendHistoryRead(ref), Date.now());
    if (!access.ok) return access.response;
    const history = await getBackendHistory(getRuntime(), ref, parsed.value.range);
    if (!history) return jsonError(404, 'not_found', `no history for backend ${ref.instance}/${ref.backend}`);
    return Response.json(history, { headers: { 'cache-control': 'no-store' } });
  });
}
