import 'server-only';
import type { Identity } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { shareReadsApi } from '@/lib/access/share-reads';
import type { BackendHistoryDto, EventsDto, HistoryDto, UptimeDto } from '@/lib/api/history-dto';
import type { TimeRange } from '@/lib/health/time-range';
import type { Collector } from '@/lib/collector/collector';
import { respondShared, SharedBodies } from '@/lib/http/shared-body';
import type { EventFilter, ServerRef, Store, UptimeFilter } from '@/lib/store';

/** What these reads need of the runtime. */
export interface HistoryParts {
  store: Pick<Store, 'history'>;
}
import { narrowUptime, shareReadsUptime, type UptimeQueryFilter } from '../share-uptime';
import { toBackendHistoryDto } from './to-backend-history-dto';
import { toEventsDto, toHistoryDto, toUptimeDto } from './to-history-dto';

/** Who may read a server's history: viewers, and share links of a history panel for that server. */
export const serverHistoryRead = (ref: ServerRef): ShareableRead => ({
  role: 'viewer',
  share: (scope) => shareReadsApi(scope, 'server-history', `${ref.instance}/${ref.backend}/${ref.server}`),
});

/** Who may read a backend's own series: viewers, and response-time / errors share links of that backend. */
export const backendHistoryRead = (ref: { instance: string; backend: string }): ShareableRead => ({
  role: 'viewer',
  share: (scope) => shareReadsApi(scope, 'backend-history', `${ref.instance}/${ref.backend}`),
});

/** Who may read an uptime query: viewers, and uptime share links of its target (share-uptime.ts). */
export const uptimeRead = (filter: UptimeQueryFilter): ShareableRead => ({
  role: 'viewer',
  share: (scope) => shareReadsUptime(scope, filter),
});

/** GET …/history: null when the server was never recorded. */
export async function getServerHistory(
  { store }: HistoryParts,
  ref: ServerRef,
  range: TimeRange,
  buckets?: number,
): Promise<HistoryDto | null> {
  const history = await store.history.serverHistory(ref, range, buckets);
  return history && toHistoryDto(history, await store.history.generatedUntil());
}

/** GET /api/v1/backends/{instance}/{backend}/history: null when the backend was never recorded. */
export async function getBackendHistory(
  { store }: HistoryParts,
  ref: { instance: string; backend: string },
  range: TimeRange,
): Promise<BackendHistoryDto | null> {
  const history = await store.history.backendHistory(ref, range);
  return history && toBackendHistoryDto(history, await store.history.generatedUntil());
}

/** GET /api/v1/uptime; the filter is applied in the store's reads. */
export async function getUptime(
  { store }: HistoryParts,
  range: TimeRange,
  options: { buckets?: number; filter?: UptimeFilter } = {},
  who?: Identity,
): Promise<UptimeDto> {
  const dto = toUptimeDto(
    await store.history.uptime(range, options.buckets, options.filter),
    range,
    await store.history.generatedUntil(),
  );
  return who?.kind === 'share' ? narrowUptime(dto, who.scope, options.filter ?? {}) : dto;
}

const uptimeBodies = new WeakMap<object, SharedBodies>();

/**
 * GET /api/v1/uptime as a shared answer (lib/http/shared-body.ts): every request of the same query and view
 * between two polls (the collector's generation) gets one computed, encoded, gzipped body. Uptime of every server
 * over 24 h at 10,000 servers reads 10,000 timelines (~130 ms): once per poll, not once per request.
 */
export async function uptimeResponse(
  parts: HistoryParts & { collector: Collector },
  request: Request,
  query: { range: TimeRange; key: string; options: { buckets?: number; filter?: UptimeFilter } },
  who?: Identity,
): Promise<Response> {
  let shared = uptimeBodies.get(parts.store);
  if (!shared) uptimeBodies.set(parts.store, (shared = new SharedBodies()));
  const view = who?.kind === 'share' ? JSON.stringify(who.scope) : 'all';
  const body = await shared.getAsync(`${query.key} ${view}`, parts.collector.generation, async () =>
    JSON.stringify(await getUptime(parts, query.range, query.options, who)),
  );
  return respondShared(request, body);
}

/** GET /api/v1/events. */
export async function getEvents(
  { store }: HistoryParts,
  range: TimeRange,
  limit: number,
  filter?: EventFilter,
): Promise<EventsDto> {
  return toEventsDto(await store.history.events(range, limit, filter));
}
