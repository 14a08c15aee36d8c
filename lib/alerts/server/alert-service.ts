import 'server-only';
import type { AlertDto, AlertEventDto, AlertsDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertTarget } from '@/lib/alerts/types';
import {
  acknowledgeAlert,
  addMute,
  deleteMute,
  eventsAfter,
  getAlert,
  lastEventSeq,
  listAlerts,
  listMutes,
  logAlertEvent,
} from '@/lib/store/alert-store';
import { openEventStream } from '@/lib/sse/event-stream';
import type { EventStreams } from '@/lib/sse/event-streams';
import type { HistoryStore } from '@/lib/store';
import type { AlertEngine } from './alert-engine';

/** Resolved alerts stay listed this long. */
const RECENT_MS = 24 * 3600_000;

/** What the alert service needs of the runtime. */
export interface AlertParts {
  store: HistoryStore;
  alerts: AlertEngine | null;
  streams: EventStreams;
}

export function alertsDto(parts: Pick<AlertParts, 'store'>, now: number): AlertsDto {
  const store = parts.store.db();
  return {
    alerts: listAlerts(store, now - RECENT_MS, now),
    mutes: listMutes(store, now),
    lastEventId: lastEventSeq(store),
  };
}

/** Marks an alert seen by someone; everyone's alert center hears of it through the stream. */
export function acknowledge(
  parts: Pick<AlertParts, 'store' | 'alerts'>,
  id: string,
  by: string | null,
  now: number,
): AlertDto | null {
  const store = parts.store.db();
  if (!acknowledgeAlert(store, id, by, now)) return null;
  const event = logAlertEvent(store, id, 'acknowledged', false, now);
  if (event) parts.alerts?.emit(event);
  return getAlert(store, id, now);
}

export function mute(
  parts: Pick<AlertParts, 'store'>,
  target: AlertTarget,
  durationMs: number,
  reason: string | null,
  now: number,
): MuteDto {
  const store = parts.store.db();
  const id = addMute(store, target, now + durationMs, reason, now);
  return listMutes(store, now).find((m) => m.id === id)!;
}

export function unmute(parts: Pick<AlertParts, 'store'>, id: number): boolean {
  return deleteMute(parts.store.db(), id);
}

/**
 * Feeds a stream subscriber: first every change after `lastEventId` from the store (nothing is lost across a
 * server restart), then live changes. Subscribing before replaying and skipping what was replayed avoids a gap.
 */
function followAlerts(
  parts: AlertParts,
  lastEventId: number | null,
  send: (event: AlertEventDto) => void,
): () => void {
  const engine = parts.alerts;
  const db = parts.store.db();
  let replayedUpTo = lastEventId ?? lastEventSeq(db);
  const buffered: AlertEventDto[] = [];
  let replaying = true;
  const unsubscribe =
    engine?.subscribe((event) => (replaying ? buffered.push(event) : send(event))) ?? (() => {});
  if (lastEventId !== null) {
    for (const event of eventsAfter(db, lastEventId)) {
      send(event);
      replayedUpTo = event.seq;
    }
  }
  for (const event of buffered) if (event.seq > replayedUpTo) send(event);
  replaying = false;
  return unsubscribe;
}

/** GET /api/v1/alerts/stream: `event: alert` per change, `id:` the change's sequence number. */
export function alertStream(parts: AlertParts, lastEventId: number | null, signal: AbortSignal): Response {
  return openEventStream(parts.streams, signal, (send) =>
    followAlerts(parts, lastEventId, (event) => send({ id: event.seq, event: 'alert', data: event })),
  );
}
