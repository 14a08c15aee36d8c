import 'server-only';
import type { EventsDto, HistoryDto, UptimeDto } from '@/lib/api/history-dto';
import type { TimeRange } from '@/lib/health/time-range';
import { getRuntime } from '@/lib/server/runtime';
import type { EventFilter, ServerRef, UptimeFilter } from '@/lib/store';
import { toEventsDto, toHistoryDto, toUptimeDto } from './to-history-dto';

/** GET …/history: null when the server was never recorded. */
export function getServerHistory(ref: ServerRef, range: TimeRange, buckets?: number): HistoryDto | null {
  const { store } = getRuntime();
  const history = store.serverHistory(ref, range, buckets);
  return history && toHistoryDto(history, store.generatedUntil());
}

/** GET /api/v1/uptime; the filter is applied in the store's reads. */
export function getUptime(
  range: TimeRange,
  options: { buckets?: number; filter?: UptimeFilter } = {},
): UptimeDto {
  const { store } = getRuntime();
  return toUptimeDto(store.uptime(range, options.buckets, options.filter), range, store.generatedUntil());
}

/** GET /api/v1/events. */
export function getEvents(range: TimeRange, limit: number, filter?: EventFilter): EventsDto {
  return toEventsDto(getRuntime().store.events(range, limit, filter));
}
