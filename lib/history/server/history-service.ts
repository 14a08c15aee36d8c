import 'server-only';
import type { EventsDto, HistoryDto, UptimeDto } from '@/lib/api/history-dto';
import type { TimeRange } from '@/lib/health/time-range';
import { getRuntime } from '@/lib/server/runtime';
import type { ServerRef } from '@/lib/store';
import { toEventsDto, toHistoryDto, toUptimeDto } from './to-history-dto';

/** GET …/history: null when the server was never recorded. */
export function getServerHistory(ref: ServerRef, range: TimeRange, buckets?: number): HistoryDto | null {
  const { store } = getRuntime();
  const history = store.serverHistory(ref, range, buckets);
  return history && toHistoryDto(history, store.generatedUntil());
}

/** GET /api/v1/uptime. */
export function getUptime(range: TimeRange, buckets?: number): UptimeDto {
  const { store } = getRuntime();
  return toUptimeDto(store.uptime(range, buckets), range, store.generatedUntil());
}

/** GET /api/v1/events. */
export function getEvents(range: TimeRange, limit: number): EventsDto {
  return toEventsDto(getRuntime().store.events(range, limit));
}
