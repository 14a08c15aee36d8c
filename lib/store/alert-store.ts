/** Alerts in the store: episodes, the numbered change log the SSE stream replays, acknowledgements and mutes. */
import type { AlertChangeKind, AlertDto, AlertEventDto, MuteDto } from '@/lib/api/alerts-dto';
import type { AlertRecord, AlertTarget } from '@/lib/alerts/types';
import {
  alertValues,
  latestCover,
  muteCovers,
  targetOf,
  toAlertDto,
  toFiring,
  toMuteDto,
  type AlertRow,
  type MuteRow,
} from './alert-rows';
import type { HistoryDb } from './db';
import type { AlertSave } from './store';
import { guarded } from './store-call';

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
    ).run(alertValues(id, record));
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
  return new Map(rows.map((row) => [row.rule_key, toFiring(row)]));
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
  return listMuteRows(db, now).map(toMuteDto);
});

export const mutedUntil = guarded(
  'reads',
  function mutedUntil(db: HistoryDb, target: AlertTarget, now: number): number | null {
    return latestCover(listMuteRows(db, now), target);
  },
);

function listMuteRows(db: HistoryDb, now: number): MuteRow[] {
  return db.prepare('SELECT * FROM mutes WHERE until > ? ORDER BY until DESC').all(now) as MuteRow[];
}
