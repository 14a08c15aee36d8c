import { jsonError } from '@/lib/api/errors';
import { parseIntParam, parseTimeRange } from '@/lib/health/time-range';
import { getEvents } from '@/lib/history/server/history-service';

export const dynamic = 'force-dynamic';

export function GET(req: Request) {
  const query = new URL(req.url).searchParams;
  const range = parseTimeRange(query, Date.now(), { fallback: '24h' });
  if (!range.ok) return jsonError(400, 'bad_parameter', range.message);
  const limit = parseIntParam(query, 'limit', 100, { min: 1, max: 1000 });
  if (!limit.ok) return jsonError(400, 'bad_parameter', limit.message);
  return Response.json(getEvents(range.value, limit.value), {
    headers: { 'cache-control': 'no-store' },
  });
}
