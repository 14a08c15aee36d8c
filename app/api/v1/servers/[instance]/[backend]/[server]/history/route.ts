import { authorize } from '@/lib/access/server/access-service';
import { getRuntime } from '@/lib/server/runtime';
import { catchApiErrors, jsonError } from '@/lib/api/errors';
import { parseParams } from '@/lib/api/parse-query';
import { parseRangedQuery } from '@/lib/api/parse-ranged-query';
import { HistoryParams, HistoryQuery } from '@/lib/api/schemas/history';
import { serverHistoryRead, getServerHistory } from '@/lib/history/server/history-service';

export const dynamic = 'force-dynamic';

interface Params {
  instance: string;
  backend: string;
  server: string;
}

export async function GET(req: Request, { params }: { params: Promise<Params> }) {
  return catchApiErrors(async () => {
    const path = parseParams(HistoryParams, await params);
    if (!path.ok) return path.response;
    const parsed = parseRangedQuery(HistoryQuery, req.url, Date.now());
    if (!parsed.ok) return parsed.response;
    const ref = path.value;
    const access = await authorize(getRuntime(), req, serverHistoryRead(ref), Date.now());
    if (!access.ok) return access.response;
    const history = await getServerHistory(
      getRuntime(),
      ref,
      parsed.value.range,
      parsed.value.query.buckets || undefined,
    );
    if (!history) {
      return jsonError(
        404,
        'not_found',
        `no history for server ${ref.instance}/${ref.backend}/${ref.server}`,
      );
    }
    return Response.json(history, { headers: { 'cache-control': 'no-store' } });
  });
}
