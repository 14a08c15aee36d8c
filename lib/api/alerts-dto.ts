/** Wire shapes of GET /api/v1/alerts and its SSE stream (shared/reference/api-v1.md); extra fields are additive. */
import type { AlertKind, AlertSeverity, AlertTarget } from '@/lib/alerts/types';

export interface AlertDto {
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  state: 'firing' | 'resolved';
  since: string;
  firedAt: string;
  resolvedAt: string | null;
  target: AlertTarget;
  summary: string;
  /** The alert this one is grouped under (a pool alert over its servers' flap alerts). */
  groupId: string | null;
  /** Set while the group alert fires: show under it, do not notify alone. */
  inhibitedBy: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** A mute covers the target until this time: listed, but not notified. */
  mutedUntil: string | null;
}

export type AlertChangeKind = 'fired' | 'resolved' | 'updated' | 'acknowledged';

/** One `event: alert` of the stream: the alert object plus what changed and whether to tell people. */
export interface AlertEventDto extends AlertDto {
  seq: number;
  change: AlertChangeKind;
  notify: boolean;
}

export interface MuteDto {
  id: number;
  target: AlertTarget;
  until: string;
  createdAt: string;
  reason: string | null;
}

export interface AlertsDto {
  alerts: AlertDto[];
  mutes: MuteDto[];
  /** The newest event's seq: a client that opens the stream with it as Last-Event-ID misses nothing. */
  lastEventId: number;
}

export const ALERTS_URL = '/api/v1/alerts';
export const ALERTS_STREAM_URL = '/api/v1/alerts/stream';
export const MUTES_URL = '/api/v1/mutes';
