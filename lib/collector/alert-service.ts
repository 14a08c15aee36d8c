import 'server-only';
import type { AlertDto, AlertEventDto, AlertsDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertTarget } from '@/lib/health/alerts/types';
import { getHistoryDb } from '@/lib/store';
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
import { getCollector } from './index';
import { getAlertEngine } from './alerts';

/** Resolved alerts stay listed this long. */
const RECENT_MS = 24 * 3600_000;

export function alertsDto(now: number): AlertsDto {
  getCollector();
  const db = getHistoryDb();
  return {
    alerts: listAlerts(db, now - RECENT_MS, now),
    mutes: listMutes(db, now),
    lastEventId: lastEventSeq(db),
  };
}

/** Marks an alert seen by someone; everyone's alert center hears of it through the stream. */
export function acknowledge(id: string, by: string | null, now: number): AlertDto | null {
  const db = getHistoryDb();
  if (!acknowledgeAlert(db, id, by, now)) return null;
  const event = logAlertEvent(db, id, 'acknowledged', false, now);
  if (event) getAlertEngine()?.emit(event);
  return getAlert(db, id, now);
}

export function mute(target: AlertTarget, durationMs: number, reason: string | null, now: number): MuteDto {
  const db = getHistoryDb();
  const id = addMute(db, target, now + durationMs, reason, now);
  return listMutes(db, now).find((m) => m.id === id)!;
}

export function unmute(id: number): boolean {
  return deleteMute(getHistoryDb(), id);
}

/**
 * Feeds a stream subscriber: first every change after `lastEventId` from the store (nothing is lost across a
 * server restart), then live changes. Subscribing before replaying and skipping what was replayed avoids a gap.
 */
export function followAlerts(lastEventId: number | null, send: (event: AlertEventDto) => void): () => void {
  getCollector();
  const engine = getAlertEngine();
  let replayedUpTo = lastEventId ?? lastEventSeq(getHistoryDb());
  const buffered: AlertEventDto[] = [];
  let replaying = true;
  const unsubscribe =
    engine?.subscribe((event) => (replaying ? buffered.push(event) : send(event))) ?? (() => {});
  if (lastEventId !== null) {
    for (const event of eventsAfter(getHistoryDb(), lastEventId)) {
      send(event);
      replayedUpTo = event.seq;
    }
  }
  for (const event of buffered) if (event.seq > replayedUpTo) send(event);
  replaying = false;
  return unsubscribe;
}
