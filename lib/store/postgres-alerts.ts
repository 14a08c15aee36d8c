/**
 * Alerts on the PostgreSQL store, as alert-store.ts keeps them in SQLite: episodes, the numbered change log the
 * SSE stream replays (numbers from an identity column, read back with RETURNING), acknowledgements and mutes.
 */
import type { AlertChangeKind, AlertEventDto } from '@/lib/api/alerts-dto';
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
import { ALERT_EVENTS_CHANNEL } from './postgres-coordination';
import { inTransaction, row, rows, type PgDb, type PostgresConnection } from './postgres-connection';
import type { AlertStore } from './store';

export function postgresAlerts(connection: PostgresConnection): AlertStore {
  const read = <T>(work: (db: PgDb) => Promise<T>) => connection.run('reads', work);
  const write = <T>(work: (db: PgDb) => Promise<T>) => connection.run('alerts', work);
  return {
    // One snapshot: the list, the mutes and the last change number agree.
    alertCenter: (resolvedSince, now) =>
      read((db) =>
        inTransaction(db, async () => {
          await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
          const mutes = await muteRows(db, now);
          const alerts = await rows<AlertRow>(
            db,
            `SELECT * FROM alerts WHERE state = 'firing' OR resolved_at >= $1
             ORDER BY state = 'firing' DESC, COALESCE(resolved_at, fired_at) DESC LIMIT 500`,
            [resolvedSince],
          );
          const last = await row<{ seq: number | null }>(db, 'SELECT MAX(seq) AS seq FROM alert_events');
          return {
            alerts: alerts.map((alert) => toAlertDto(alert, mutes)),
            mutes: mutes.map(toMuteDto),
            lastEventSeq: last?.seq ?? 0,
          };
        }),
      ),
    getAlert: (id, now) => read((db) => getAlert(db, id, now)),
    alertChanges: (id, limit = 500) =>
      read(async (db) =>
        (
          await rows<{ body: string }>(
            db,
            'SELECT body FROM alert_events WHERE alert_id = $1 ORDER BY seq LIMIT $2',
            [id, limit],
          )
        ).map((r) => JSON.parse(r.body) as AlertEventDto),
      ),
    eventsAfter: (seq, limit = 1000) =>
      read(async (db) =>
        (
          await rows<{ body: string }>(
            db,
            'SELECT body FROM alert_events WHERE seq > $1 ORDER BY seq LIMIT $2',
            [seq, limit],
          )
        ).map((r) => JSON.parse(r.body) as AlertEventDto),
      ),
    // A failure to read them is the engine's too: alerts wait for it.
    loadFiringAlerts: () =>
      connection.run('alerts', async (db) => {
        const firing = await rows<AlertRow>(db, "SELECT * FROM alerts WHERE state = 'firing'");
        return new Map(firing.map((alert) => [alert.rule_key, toFiring(alert)]));
      }),
    saveChanges: (changes) =>
      connection.transaction('alerts', async (db) => {
        const events: (AlertEventDto | null)[] = [];
        for (const { id, record, change, notifiable, at } of changes) {
          await saveAlert(db, id, record);
          const notify = notifiable && latestCover(await muteRows(db, at), record.target) === null;
          events.push(await logAlertEvent(db, id, change, notify, at, null));
        }
        return events;
      }),
    acknowledgeAlert: (id, by, now) =>
      write(async (db) => {
        const { rowCount } = await db.query('UPDATE alerts SET acked_at = $1, acked_by = $2 WHERE id = $3', [
          now,
          by,
          id,
        ]);
        return (rowCount ?? 0) > 0;
      }),
    logAlertEvent: (id, change, notify, now, by = null) =>
      connection.transaction('alerts', (db) => logAlertEvent(db, id, change, notify, now, by)),
    listMutes: (now) => read(async (db) => (await muteRows(db, now)).map(toMuteDto)),
    getMute: (id) =>
      read(async (db) => {
        const mute = await row<MuteRow>(db, 'SELECT * FROM mutes WHERE id = $1', [id]);
        return mute ? { ...targetOf(mute), until: mute.until } : null;
      }),
    addMute: (target, until, reason, now, by = null) =>
      write(async (db) => {
        const added = await row<{ id: number }>(
          db,
          `INSERT INTO mutes (instance, backend, server, pool, until, created_at, created_by, reason)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [target.instance, target.backend, target.server, target.pool, until, now, by, reason],
        );
        return added!.id;
      }),
    deleteMute: (id) =>
      write(async (db) => ((await db.query('DELETE FROM mutes WHERE id = $1', [id])).rowCount ?? 0) > 0),
    alertsCoveredBy: (target: AlertTarget, since) =>
      read(async (db) => {
        const covered = await rows<Pick<AlertRow, 'id' | 'instance' | 'backend' | 'server' | 'pool'>>(
          db,
          "SELECT id, instance, backend, server, pool FROM alerts WHERE state = 'firing' OR resolved_at >= $1",
          [since],
        );
        return covered.filter((alert) => muteCovers(target, targetOf(alert))).map((alert) => alert.id);
      }),
  };
}

const muteRows = (db: PgDb, now: number) =>
  rows<MuteRow>(db, 'SELECT * FROM mutes WHERE until > $1 ORDER BY until DESC', [now]);

async function getAlert(db: PgDb, id: string, now: number) {
  const alert = await row<AlertRow>(db, 'SELECT * FROM alerts WHERE id = $1', [id]);
  return alert ? toAlertDto(alert, await muteRows(db, now)) : null;
}

async function saveAlert(db: PgDb, id: string, record: AlertRecord): Promise<void> {
  const v = alertValues(id, record);
  await db.query(
    `INSERT INTO alerts (id, rule_key, kind, severity, instance, backend, server, pool, summary, state, since,
       fired_at, resolved_at, group_id, inhibited_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (id) DO UPDATE SET summary = excluded.summary, state = excluded.state,
       resolved_at = excluded.resolved_at, inhibited_by = excluded.inhibited_by, group_id = excluded.group_id`,
    [
      v.id,
      v.key,
      v.kind,
      v.severity,
      v.instance,
      v.backend,
      v.server,
      v.pool,
      v.summary,
      v.state,
      v.since,
      v.firedAt,
      v.resolvedAt,
      v.groupId,
      v.inhibitedBy,
    ],
  );
}

/** Appenders of the change log take turns (till COMMIT): numbers are committed in order, so a reader that has
 * seen one never misses a smaller one committed after it. */
const EVENT_LOG_LOCK = 0x68617074;

/**
 * Appends a change to the log (its number from RETURNING) and returns it as the stream will send it; in a
 * transaction, which holds the log's turn.
 */
async function logAlertEvent(
  db: PgDb,
  id: string,
  change: AlertChangeKind,
  notify: boolean,
  now: number,
  by: string | null,
): Promise<AlertEventDto | null> {
  const alert = await getAlert(db, id, now);
  if (!alert) return null;
  await db.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK]);
  const inserted = await row<{ seq: number }>(
    db,
    "INSERT INTO alert_events (at, alert_id, change, body) VALUES ($1, $2, $3, '') RETURNING seq",
    [now, id, change],
  );
  const event: AlertEventDto = {
    ...alert,
    seq: inserted!.seq,
    change,
    notify,
    changedAt: new Date(now).toISOString(),
    by,
  };
  await db.query('UPDATE alert_events SET body = $1 WHERE seq = $2', [JSON.stringify(event), event.seq]);
  // Every replica hears of it once it commits, in the order of the log (postgres-coordination.ts).
  await db.query('SELECT pg_notify($1, $2)', [ALERT_EVENTS_CHANNEL, String(event.seq)]);
  return event;
}
