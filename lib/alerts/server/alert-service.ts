import 'server-only';
import { actorName, type Identity, type Principal } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { recordAudit } from '@/lib/access/server/audit';
import { shareReadsApi } from '@/lib/access/share-reads';
import { parseShareTarget } from '@/lib/access/share-target';
import type { AlertDto, AlertEventDto, AlertsDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertHistoryDto } from '@/lib/api/schemas/alerts';
import type { AlertTarget } from '@/lib/alerts/types';
import { alertsForShare } from '../narrow-alerts';
import { openEventStream, type AsyncStreamSource, type StreamMessage } from '@/lib/sse/event-stream';
import type { EventStreams } from '@/lib/sse/event-streams';
import type { Store } from '@/lib/store';
import type { AlertEngine } from './alert-engine';

/** Resolved alerts stay listed this long. */
const RECENT_MS = 24 * 3600_000;

/** What the alert service needs of the runtime. */
export interface AlertParts {
  store: Pick<Store, 'alerts' | 'access'>;
  alerts: AlertEngine | null;
  streams: EventStreams;
}

/** Viewers, and the share links of the alerts panel (answered with their own target's alerts only). */
export const ALERTS_READ: ShareableRead = {
  role: 'viewer',
  share: (scope) => shareReadsApi(scope, 'alerts', null),
};

/** GET /api/v1/alerts; a share link sees its own target's alerts and no mutes (narrow-alerts.ts). */
export async function alertsDto(
  parts: Pick<AlertParts, 'store'>,
  now: number,
  who?: Identity,
): Promise<AlertsDto> {
  // Read together: a change saved between the list and the last id would be in neither the list nor the stream.
  const { alerts, mutes, lastEventSeq } = await parts.store.alerts.alertCenter(now - RECENT_MS, now);
  const dto = { alerts, mutes, lastEventId: lastEventSeq };
  return who?.kind === 'share' ? alertsForShare(dto, parseShareTarget(who.scope.target)) : dto;
}

/**
 * Marks an alert seen by the signed-in person (or token): everyone's alert center hears of it through the stream,
 * and the audit log keeps it.
 */
export async function acknowledge(
  parts: Pick<AlertParts, 'store' | 'alerts'>,
  who: Principal,
  id: string,
  now: number,
): Promise<AlertDto | null> {
  const { alerts } = parts.store;
  const by = actorName(who);
  if (!(await alerts.acknowledgeAlert(id, by, now))) return null;
  const event = await alerts.logAlertEvent(id, 'acknowledged', false, now, by);
  if (event) parts.alerts?.emit(event);
  await recordAudit(parts.store, who, 'alert.acknowledge', `alert:${id}`, null, now);
  return alerts.getAlert(id, now);
}

export async function mute(
  parts: Pick<AlertParts, 'store' | 'alerts'>,
  who: Principal,
  target: AlertTarget,
  durationMs: number,
  reason: string | null,
  now: number,
): Promise<MuteDto> {
  const { alerts } = parts.store;
  const by = actorName(who);
  const id = await alerts.addMute(target, now + durationMs, reason, now, by);
  const until = new Date(now + durationMs).toISOString();
  await recordAudit(
    parts.store,
    who,
    'alert.mute',
    `mute:${id}`,
    `${describeTarget(target)} until ${until}${reason ? `: ${reason}` : ''}`,
    now,
  );
  await noteInCoveredAlerts(parts, target, 'muted', by, now);
  return (await alerts.listMutes(now)).find((m) => m.id === id)!;
}

export async function unmute(
  parts: Pick<AlertParts, 'store' | 'alerts'>,
  who: Principal,
  id: number,
  now: number,
): Promise<boolean> {
  const { alerts } = parts.store;
  const muted = await alerts.getMute(id);
  if (!muted || !(await alerts.deleteMute(id))) return false;
  await recordAudit(parts.store, who, 'alert.unmute', `mute:${id}`, describeTarget(muted), now);
  await noteInCoveredAlerts(parts, muted, 'unmuted', actorName(who), now);
  return true;
}

/** A mute or unmute goes into the history of every alert it covers, and out on the stream. */
async function noteInCoveredAlerts(
  parts: Pick<AlertParts, 'store' | 'alerts'>,
  target: AlertTarget,
  change: 'muted' | 'unmuted',
  by: string,
  now: number,
) {
  const { alerts } = parts.store;
  for (const alertId of await alerts.alertsCoveredBy(target, now - RECENT_MS)) {
    const event = await alerts.logAlertEvent(alertId, change, false, now, by);
    if (event) parts.alerts?.emit(event);
  }
}

const describeTarget = (target: AlertTarget) =>
  (['instance', 'backend', 'server', 'pool'] as const)
    .filter((field) => target[field] !== null)
    .map((field) => `${field} ${target[field]}`)
    .join(', ');

/** GET /api/v1/alerts/{id}/history; null for an unknown alert. */
export async function alertHistoryDto(
  parts: Pick<AlertParts, 'store'>,
  id: string,
  now: number,
): Promise<AlertHistoryDto | null> {
  const { alerts } = parts.store;
  if (!(await alerts.getAlert(id, now))) return null;
  return {
    changes: (await alerts.alertChanges(id)).map((event) => ({
      seq: event.seq,
      at: event.changedAt ?? changeTime(event),
      change: event.change,
      by: event.by ?? (event.change === 'acknowledged' ? event.acknowledgedBy : null),
      summary: event.summary,
    })),
  };
}

/** Events stored before `changedAt` existed: the alert's own time for the change. */
function changeTime(event: AlertEventDto): string {
  if (event.change === 'resolved' && event.resolvedAt) return event.resolvedAt;
  if (event.change === 'acknowledged' && event.acknowledgedAt) return event.acknowledgedAt;
  return event.firedAt;
}

/** Stored changes replayed per page: far below what a stream may queue (lib/sse MAX_QUEUED_BYTES). */
const REPLAY_PAGE = 100;

const toMessage = (event: AlertEventDto): StreamMessage => ({ id: event.seq, event: 'alert', data: event });

/**
 * A stream's source: every change after the client's last id from the store (nothing is lost across a restart,
 * or when a client that stopped reading was dropped), then live changes, which the store has before they are sent.
 */
function followAlerts(parts: AlertParts): AsyncStreamSource {
  return {
    backlog: async (afterSeq) => (await parts.store.alerts.eventsAfter(afterSeq, REPLAY_PAGE)).map(toMessage),
    subscribe: (send) => parts.alerts?.subscribe((event) => send(toMessage(event))) ?? (() => {}),
  };
}

/**
 * GET /api/v1/alerts/stream: `event: alert` per change, `id:` the change's sequence number; 429 once `client`
 * holds SSE_MAX_STREAMS_PER_CLIENT streams.
 */
export function alertStream(
  parts: AlertParts,
  client: string | null,
  lastEventId: number | null,
  signal: AbortSignal,
): Response {
  return openEventStream(parts.streams, { client, signal, lastId: lastEventId }, followAlerts(parts));
}
