/**
 * Alerts as both stores keep them (alert-store.ts for SQLite, postgres-alerts.ts): the rows, and how they become
 * the API's DTOs and the engine's records. Pure.
 */
import type { AlertDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertRecord, AlertTarget } from '@/lib/alerts/types';

export interface AlertRow {
  id: string;
  rule_key: string;
  kind: AlertDto['kind'];
  severity: AlertDto['severity'];
  instance: string | null;
  backend: string | null;
  server: string | null;
  pool: string | null;
  summary: string;
  state: 'firing' | 'resolved';
  since: number;
  fired_at: number;
  resolved_at: number | null;
  group_id: string | null;
  inhibited_by: string | null;
  acked_at: number | null;
  acked_by: string | null;
}

export interface MuteRow {
  id: number;
  instance: string | null;
  backend: string | null;
  server: string | null;
  pool: string | null;
  until: number;
  created_at: number;
  created_by: string | null;
  reason: string | null;
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** An episode's columns, by name, as saved (ON CONFLICT updates what may change). */
export function alertValues(id: string, record: AlertRecord) {
  return {
    id,
    key: record.id,
    kind: record.kind,
    severity: record.severity,
    ...record.target,
    summary: record.summary,
    state: record.state === 'resolved' ? 'resolved' : 'firing',
    since: record.since,
    firedAt: record.firedAt ?? record.since,
    resolvedAt: record.resolvedAt,
    groupId: record.groupId,
    inhibitedBy: record.inhibitedBy,
  };
}

/** A firing episode, as the engine carries it across a restart. */
export function toFiring(row: AlertRow): { id: string; record: AlertRecord } {
  return {
    id: row.id,
    record: {
      id: row.rule_key,
      kind: row.kind,
      severity: row.severity,
      target: targetOf(row),
      summary: row.summary,
      graceMs: 0,
      groupId: row.group_id,
      state: 'firing',
      since: row.since,
      firedAt: row.fired_at,
      resolvedAt: null,
      inhibitedBy: row.inhibited_by,
    },
  };
}

export function toMuteDto(row: MuteRow): MuteDto {
  return {
    id: row.id,
    target: targetOf(row),
    until: iso(row.until)!,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    reason: row.reason,
  };
}

/** Whether a mute covers a target: every field the mute names must match (unnamed fields match anything). */
export function muteCovers(mute: AlertTarget, target: AlertTarget): boolean {
  return (['instance', 'backend', 'server', 'pool'] as const).every(
    (field) => mute[field] === null || mute[field] === target[field],
  );
}

export function latestCover(mutes: MuteRow[], target: AlertTarget): number | null {
  const covering = mutes.filter((mute) => muteCovers(targetOf(mute), target));
  return covering.length ? Math.max(...covering.map((mute) => mute.until)) : null;
}

export function targetOf(row: {
  instance: string | null;
  backend: string | null;
  server: string | null;
  pool: string | null;
}): AlertTarget {
  return { instance: row.instance, backend: row.backend, server: row.server, pool: row.pool };
}

export function toAlertDto(row: AlertRow, mutes: MuteRow[]): AlertDto {
  const target = targetOf(row);
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    state: row.state,
    since: iso(row.since)!,
    firedAt: iso(row.fired_at)!,
    resolvedAt: iso(row.resolved_at),
    target,
    summary: row.summary,
    groupId: row.group_id,
    inhibitedBy: row.inhibited_by,
    acknowledgedAt: iso(row.acked_at),
    acknowledgedBy: row.acked_by,
    mutedUntil: iso(latestCover(mutes, target)),
  };
}
