/** Alerts in the store: episodes, the numbered change log the SSE stream replays, acknowledgements and mutes. */
import type { AlertChangeKind, AlertDto, AlertEventDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertRecord, AlertTarget } from '@/lib/alerts/types';
import type { HistoryDb } from './db';
import type { AlertSave } from './store';
import { guarded } from './store-call';

interface AlertRow {
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

interface MuteRow {
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

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const saveAlert = guarded(
  'alerts',
  function saveAlert(db: HistoryDb, id: string, record: AlertRecord): void {
    db.prepare(
      `INSERT INTO alerts (id, rule_key, kind, severity, instance, backend, server, pool, summary, state, since, fired_at,
       resolved_at, group_id, inhibited_by)
     VALUES (@id, @key, @kind, @severity, @instance, @backend, @server, @pool, @summary, @state, @since, @firedAt,
       @resolvedAt, @groupId, @inhibitedBy)
     ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, state = excluded.state,
       resolved_at = excluded.resolved_at, inhibited_by = excluded.inhibited_by, group_id = excluded.group_id`,
    ).run({
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
    });
  },
);

/** Appends a change to the log and returns it as the stream will send it. */
export const logAlertEvent = guarded(
  'alerts',
  function logAlertEvent(
    db: HistoryDb,
    id: string,
    change: AlertChangeKind,
    notify: boolean,
    now: number,
    by: string | null = null,
  ): AlertEventDto | null {
    const alert = getAlert(db, id, now);
    if (!alert) return null;
    const info = db
      .prepare('INSERT INTO alert_events (at, alert_id, change, body) VALUES (?, ?, ?, ?)')
      .run(now, id, change, '');
    const changedAt = new Date(now).toISOString();
    const event: AlertEventDto = {
      ...alert,
      seq: Number(info.lastInsertRowid),
      change,
      notify,
      changedAt,
      by,
    };
    db.prepare('UPDATE alert_events SET body = ? WHERE seq = ?').run(JSON.stringify(event), event.seq);
    return event;
  },
);

/** The alert engine's changes of one evaluation, saved and logged in one transaction. */
export const saveAlertChanges = guarded(
  'alerts',
  function saveAlertChanges(db: HistoryDb, changes: readonly AlertSave[]): (AlertEventDto | null)[] {
    return db.transaction(() =>
      changes.map(({ id, record, change, notifiable, at }) => {
        saveAlert(db, id, record);
        const notify = notifiable && mutedUntil(db, record.target, at) === null;
        return logAlertEvent(db, id, change, notify, at);
      }),
    )();
  },
);

/** The alert center's list, mutes and last change number, read in one transaction. */
export const alertCenter = guarded(
  'reads',
  function alertCenter(db: HistoryDb, resolvedSince: number, now: number) {
    return db.transaction(() => ({
      alerts: listAlerts(db, resolvedSince, now),
      mutes: listMutes(db, now),
      lastEventSeq: lastEventSeq(db),
    }))();
  },
);

/** One alert's stored changes, oldest first. */
export const alertChanges = guarded(
  'reads',
  function alertChanges(db: HistoryDb, id: string, limit = 500): AlertEventDto[] {
    const rows = db
      .prepare('SELECT body FROM alert_events WHERE alert_id = ? ORDER BY seq LIMIT ?')
      .all(id, limit) as { body: string }[];
    return rows.map((row) => JSON.parse(row.body) as AlertEventDto);
  },
);

/** Alerts a mute's target covers that are firing, or resolved since `since`: their history names the mute. */
export const alertsCoveredBy = guarded(
  'reads',
  function alertsCoveredBy(db: HistoryDb, target: AlertTarget, since: number): string[] {
    const rows = db
      .prepare(
        `SELECT id, instance, backend, server, pool FROM alerts WHERE state = 'firing' OR resolved_at >= ?`,
      )
      .all(since) as Pick<AlertRow, 'id' | 'instance' | 'backend' | 'server' | 'pool'>[];
    return rows.filter((row) => muteCovers(target, targetOf(row))).map((row) => row.id);
  },
);

export const getMute = guarded('reads', function getMute(db: HistoryDb, id: number):
  (AlertTarget & { until: number }) | null {
  const row = db.prepare('SELECT * FROM mutes WHERE id = ?').get(id) as MuteRow | undefined;
  return row ? { ...targetOf(row), until: row.until } : null;
});

export const eventsAfter = guarded(
  'reads',
  function eventsAfter(db: HistoryDb, seq: number, limit = 1000): AlertEventDto[] {
    const rows = db
      .prepare('SELECT body FROM alert_events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(seq, limit) as {
      body: string;
    }[];
    return rows.map((row) => JSON.parse(row.body) as AlertEventDto);
  },
);

export const lastEventSeq = guarded('reads', function lastEventSeq(db: HistoryDb): number {
  const row = db.prepare('SELECT MAX(seq) AS seq FROM alert_events').get() as { seq: number | null };
  return row.seq ?? 0;
});

export const getAlert = guarded(
  'reads',
  function getAlert(db: HistoryDb, id: string, now: number): AlertDto | null {
    const row = db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as AlertRow | undefined;
    return row ? toAlertDto(row, listMuteRows(db, now)) : null;
  },
);

/** Firing alerts, then those resolved since `resolvedSince`, newest first. */
export const listAlerts = guarded(
  'reads',
  function listAlerts(db: HistoryDb, resolvedSince: number, now: number, limit = 500): AlertDto[] {
    const rows = db
      .prepare(
        `SELECT * FROM alerts WHERE state = 'firing' OR resolved_at >= ?
       ORDER BY state = 'firing' DESC, COALESCE(resolved_at, fired_at) DESC LIMIT ?`,
      )
      .all(resolvedSince, limit) as AlertRow[];
    const mutes = listMuteRows(db, now);
    return rows.map((row) => toAlertDto(row, mutes));
  },
);

/** The firing episodes, to carry the state machine across a restart: rule key → { episode id, record }. */
export const loadFiringAlerts = guarded('reads', function loadFiringAlerts(db: HistoryDb): Map<
  string,
  { id: string; record: AlertRecord }
> {
  const rows = db.prepare(`SELECT * FROM alerts WHERE state = 'firing'`).all() as AlertRow[];
  return new Map(
    rows.map((row) => [
      row.rule_key,
      {
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
      },
    ]),
  );
});

export const acknowledgeAlert = guarded(
  'alerts',
  function acknowledgeAlert(db: HistoryDb, id: string, by: string | null, now: number): boolean {
    return (
      db.prepare('UPDATE alerts SET acked_at = ?, acked_by = ? WHERE id = ?').run(now, by, id).changes > 0
    );
  },
);

export const addMute = guarded(
  'alerts',
  function addMute(
    db: HistoryDb,
    target: AlertTarget,
    until: number,
    reason: string | null,
    now: number,
    by: string | null = null,
  ): number {
    const info = db
      .prepare(
        `INSERT INTO mutes (instance, backend, server, pool, until, created_at, created_by, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(target.instance, target.backend, target.server, target.pool, until, now, by, reason);
    return Number(info.lastInsertRowid);
  },
);

export const deleteMute = guarded('alerts', function deleteMute(db: HistoryDb, id: number): boolean {
  return db.prepare('DELETE FROM mutes WHERE id = ?').run(id).changes > 0;
});

export const listMutes = guarded('reads', function listMutes(db: HistoryDb, now: number): MuteDto[] {
  return listMuteRows(db, now).map((row) => ({
    id: row.id,
    target: targetOf(row),
    until: iso(row.until)!,
    createdAt: iso(row.created_at)!,
    createdBy: row.created_by,
    reason: row.reason,
  }));
});

/** Whether a mute covers a target: every field the mute names must match (unnamed fields match anything). */
export function muteCovers(mute: AlertTarget, target: AlertTarget): boolean {
  return (['instance', 'backend', 'server', 'pool'] as const).every(
    (field) => mute[field] === null || mute[field] === target[field],
  );
}

export const mutedUntil = guarded(
  'reads',
  function mutedUntil(db: HistoryDb, target: AlertTarget, now: number): number | null {
    return latestCover(listMuteRows(db, now), target);
  },
);

function listMuteRows(db: HistoryDb, now: number): MuteRow[] {
  return db.prepare('SELECT * FROM mutes WHERE until > ? ORDER BY until DESC').all(now) as MuteRow[];
}

function latestCover(mutes: MuteRow[], target: AlertTarget): number | null {
  const covering = mutes.filter((mute) => muteCovers(targetOf(mute), target));
  return covering.length ? Math.max(...covering.map((mute) => mute.until)) : null;
}

function targetOf(row: {
  instance: string | null;
  backend: string | null;
  server: string | null;
  pool: string | null;
}): AlertTarget {
  return { instance: row.instance, backend: row.backend, server: row.server, pool: row.pool };
}

function toAlertDto(row: AlertRow, mutes: MuteRow[]): AlertDto {
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
