/**
 * Recording on the PostgreSQL store: one poll's writes in one transaction (postgres-poll-writer.ts), the days'
 * sample partitions made first. Its commit does not wait for the disk (synchronous_commit off), as SQLite's WAL at
 * synchronous=NORMAL: a crash may lose the last polls, never corrupt what was written. A failure is reported as the
 * recorder's; a success is the recorder's to report.
 */
import type { StoredInstance } from './history-writes';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';
import { inTransaction, rows, row, type PgDb, type PostgresConnection } from './postgres-connection';
import { unpackPostgresRuns } from './postgres-packed-runs';
import { dayOf, type Partitions } from './postgres-partitions';
import { writePoll } from './postgres-poll-writer';
import { HOUR_MS, MINUTE_MS } from './rollup-table';
import { toStatusPoint } from './status-codes';
import type { HistoryRecording } from './store';

export function postgresRecording(connection: PostgresConnection, partitions: Partitions): HistoryRecording {
  const write = <T>(work: (db: PgDb) => Promise<T>) =>
    connection.run('recorder', work, { reportSuccess: false });
  return {
    async openForWrites() {
      await connection.open().catch((error: unknown) => {
        throw connection.faults.failed('recorder', error) ?? error;
      });
      return connection.opens;
    },
    loadInstance: (name) => write((db) => loadInstance(db, name)),
    writePoll: (writes) =>
      write(async (db) => {
        const days = writes.flatMap((w) =>
          w.kind === 'sample' || w.kind === 'backend-sample' ? [dayOf(w.at)] : [],
        );
        await partitions.ensure(db, days);
        await db.query('BEGIN');
        try {
          await db.query('SET LOCAL synchronous_commit = off');
          const stored = await writePoll(db, writes);
          await db.query('COMMIT');
          return stored;
        } catch (error) {
          await db.query('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    rewindRollups: (from) => write((db) => rewindRollups(db, from)),
  };
}

async function loadInstance(db: PgDb, name: string): Promise<StoredInstance> {
  await db.query('INSERT INTO instances (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
  const instance = (await row<{
    id: number;
    pid: number | null;
    uptime_sec: number | null;
    info_at: number | null;
  }>(db, 'SELECT id, pid, uptime_sec, info_at FROM instances WHERE name = $1', [name]))!;
  const coverage = await row<{ id: number; from_ms: number; to_ms: number }>(
    db,
    'SELECT id, from_ms, to_ms FROM coverage WHERE instance_id = $1 ORDER BY to_ms DESC LIMIT 1',
    [instance.id],
  );
  const servers = await rows<{
    id: number;
    backend: string;
    name: string;
    backup: boolean;
    pool: string | null;
    last_status: number;
    last_transition: number;
    gone_at: number | null;
  }>(
    db,
    `SELECT id, backend, name, backup, pool, last_status, last_transition, gone_at FROM servers
     WHERE instance_id = $1 ORDER BY id`,
    [instance.id],
  );
  const backends = await rows<{ id: number; name: string; gone_at: number | null }>(
    db,
    'SELECT id, name, gone_at FROM backends WHERE instance_id = $1 ORDER BY id',
    [instance.id],
  );
  return {
    id: instance.id,
    process:
      instance.info_at === null
        ? null
        : { pid: instance.pid, uptimeSec: instance.uptime_sec, at: instance.info_at },
    coverage: coverage ? { id: coverage.id, from: coverage.from_ms, to: coverage.to_ms } : null,
    servers: servers.map((s) => ({
      id: s.id,
      backend: s.backend,
      name: s.name,
      backup: s.backup,
      pool: s.pool,
      last: toStatusPoint(s.last_status, s.last_transition),
      goneAt: s.gone_at,
    })),
    backends: backends.map((b) => ({ id: b.id, name: b.name, goneAt: b.gone_at })),
  };
}

/** Polls from before `from` are about to be written late: their minutes and hours are rolled up again. */
async function rewindRollups(db: PgDb, from: number): Promise<void> {
  await inTransaction(db, async () => {
    await unpackPostgresRuns(db, from);
    await db.query(
      `UPDATE meta SET value = CASE key WHEN $1 THEN $3 ELSE $4 END
       WHERE (key = $1 AND value::bigint > $3::bigint) OR (key = $2 AND value::bigint > $4::bigint)`,
      [
        META_MINUTES_ROLLED,
        META_HOURS_ROLLED,
        String(Math.floor(from / MINUTE_MS)),
        String(Math.floor(from / HOUR_MS)),
      ],
    );
  });
}
