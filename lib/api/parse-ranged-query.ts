/** A query with a time range: the schema checks each parameter, then `now` settles defaults and the future. */
import type { z } from 'zod';
import { resolveTimeRange, type RangePreset, type TimeQuery, type TimeRange } from '@/lib/health/time-range';
import { badParameter, parseQuery, type ParsedInput } from './parse-query';

export function parseRangedQuery<S extends z.ZodObject & z.ZodType<TimeQuery>>(
  schema: S,
  url: string | URL,
  now: number,
  fallback: RangePreset = '24h',
): ParsedInput<{ query: z.output<S>; range: TimeRange }> {
  const query = parseQuery(schema, url);
  if (!query.ok) return query;
  const range = resolveTimeRange(query.value, now, fallback);
  return range.ok
    ? { ok: true, value: { query: query.value, range: range.value } }
    : badParameter(range.message);
}
