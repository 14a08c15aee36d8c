import 'server-only';
import type { BackendHistoryDto, EventsDto, HistoryDto, UptimeDto } from '@/lib/api/history-dto';
import type { TimeRange } from '@/lib/health/time-range';
import type { EventFilter, HistoryStore, ServerRef, UptimeFilter } from '@/lib/store';

/** What these reads need of the runtime. */
export interface HistoryParts {
  store: HistoryStore;
}
import { toBackendHistoryDto } from './to-backend-history-dto';
import { toEventsDto, toHistoryDto, toUptimeDto } from './to-history-dto';

/** GET …/history: null when the server was never recorded. */
export function getServerHistory(
  { store }: HistoryParts,
  ref: ServerRef,
  range: TimeRange,
  buckets?: number,
): HistoryDto | null {
  const history = store.serverHistory(ref, range, buckets);
  return history && toHistoryDto(history, store.generatedUntil());
}

/** GET /api/v1/backends/{instance}/{backend}/history: null when the backend was never recorded. */
export function getBackendHistory(
  { store }: HistoryParts,
  ref: { instance: string; backend: string },
  range: TimeRange,
): BackendHistoryDto | null {
  const history = store.backendHistory(ref, range);
  return history && toBackendHistoryDto(history, store.generatedUntil());
}

/** GET /api/v1/uptime; the filter is applied in the store's reads. */
export function getUptime(
  { store }: HistoryParts,
  range: TimeRange,
  options: { buckets?: number; filter?: UptimeFilter } = {},
): UptimeDto {
  return toUptimeDto(store.uptime(range, options.buckets, options.filter), range, store.generatedUntil());
}

/** GET /api/v1/events. */
export function getEvents(
  { store }: HistoryParts,
  range: TimeRange,
  limit: number,
  filter?: EventFilter,
): EventsDto {
  return toEventsDto(store.events(range, limit, filter));
}
