import { jsonError } from '@/lib/api/errors';
import { parseIntParam, parseTimeRange } from '@/lib/health/time-range';
import { getUptime } from '@/lib/history/server/history-service';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const query = new URL(req.url).searchParams;
  const range = parseTimeRange(query, Date.now(), { fallback: '24h' });
  if (!range.ok) return jsonError(400, 'bad_parameter', range.message);
  const buckets = parseIntParam(query, 'buckets', 0, { min: 0, max: 500 });
  if (!buckets.ok) return jsonError(400, 'bad_parameter', buckets.message);
  return Response.json(getUptime(range.value, buckets.value || undefined), {
    headers: { 'cache-control': 'no-store' },
  });
}
