import { jsonError } from '@/lib/api/errors';
import { parseIntParam, parseTimeRange } from '@/lib/health/time-range';
import { getServerHistory } from '@/lib/history/server/history-service';

export const dynamic = 'force-dynamic';

interface Params {
  instance: string;
  backend: string;
  server: string;
}

export async function GET(req: Request, { params }: { params: Promise<Params> }) {
  const ref = await params;
  const query = new URL(req.url).searchParams;
  const range = parseTimeRange(query, Date.now(), { fallback: '24h' });
  if (!range.ok) return jsonError(400, 'bad_parameter', range.message);
  const buckets = parseIntParam(query, 'buckets', 0, { min: 0, max: 1000 });
  if (!buckets.ok) return jsonError(400, 'bad_parameter', buckets.message);
  const history = getServerHistory(ref, range.value, buckets.value || undefined);
  if (!history) {
    return jsonError(404, 'not_found', `no history for server ${ref.instance}/${ref.backend}/${ref.server}`);
  }
  return Response.json(history, {
    headers: { 'cache-control': 'no-store' },
  });
}
