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
import { openEventStream } from '@/lib/server/event-stream';
import { getRuntime } from '@/lib/server/runtime';

/** Resolved alerts stay listed this long. */
const RECENT_MS = 24 * 3600_000;

const db = () => getRuntime().store.db();

export function alertsDto(now: number): AlertsDto {
  const store = db();
  return {
    alerts: listAlerts(store, now - RECENT_MS, now),
    mutes: listMutes(store, now),
    lastEventId: lastEventSeq(store),
  };
}

/** Marks an alert seen by someone; everyone's alert center hears of it through the stream. */
export function acknowledge(id: string, by: string | null, now: number): AlertDto | null {
  const store = db();
  if (!acknowledgeAlert(store, id, by, now)) return null;
  const event = logAlertEvent(store, id, 'acknowledged', false, now);
  if (event) getRuntime().alerts?.emit(event);
  return getAlert(store, id, now);
}

export function mute(target: AlertTarget, durationMs: number, reason: string | null, now: number): MuteDto {
  const store = db();
  const id = addMute(store, target, now + durationMs, reason, now);
  return listMutes(store, now).find((m) => m.id === id)!;
}

export function unmute(id: number): boolean {
  return deleteMute(db(), id);
}

/**
 * Feeds a stream subscriber: first every change after `lastEventId` from the store (nothing is lost across a
 * server restart), then live changes. Subscribing before replaying and skipping what was replayed avoids a gap.
 */
function followAlerts(lastEventId: number | null, send: (event: AlertEventDto) => void): () => void {
  const engine = getRuntime().alerts;
  let replayedUpTo = lastEventId ?? lastEventSeq(db());
  const buffered: AlertEventDto[] = [];
  let replaying = true;
  const unsubscribe =
    engine?.subscribe((event) => (replaying ? buffered.push(event) : send(event))) ?? (() => {});
  if (lastEventId !== null) {
    for (const event of eventsAfter(db(), lastEventId)) {
      send(event);
      replayedUpTo = event.seq;
    }
  }
  for (const event of buffered) if (event.seq > replayedUpTo) send(event);
  replaying = false;
  return unsubscribe;
}

/** GET /api/v1/alerts/stream: `event: alert` per change, `id:` the change's sequence number. */
export function alertStream(lastEventId: number | null, signal: AbortSignal): Response {
  return openEventStream(getRuntime().streams, signal, (send) =>
    followAlerts(lastEventId, (event) => send({ id: event.seq, event: 'alert', data: event })),
  );
}
