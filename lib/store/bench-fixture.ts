/**
 * For the history benchmark (e2e/bench/history-bench.ts) on the SQLite store: a month of history written straight
 * into the tables (what recording a month would take too long to produce), and row counts.
 */
import type { HistoryDb } from './db';
import { writeMeta } from './db';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './rollup';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

const DAY = 86_400_000;

function sqliteOf(store: Store): HistoryDb {
  if (!(store instanceof SqliteStore)) throw new Error('bench-fixture: the SQLite store only');
  return store.db();
}

export function countRows(store: Store, table: string): number {
  return sqliteOf(store).prepare(`SELECT COUNT(*) AS n FROM ${table}`).pluck().get() as number;
}

/**
 * 30 days for `servers` servers (10 a backend, the last a backup): daily coverage with a 5-minute gap, flaps, an
 * outage a week, hour rollups. `random` draws the same numbers run to run.
 */
export function generateMonth(store: Store, servers: number, now: number, random: () => number): void {
  const db = sqliteOf(store);
  const from = now - 30 * DAY;
  const perBackend = 10;
  db.transaction(() => {
    db.prepare("INSERT INTO instances (id, name) VALUES (1, 'bench')").run();
    const cover = db.prepare('INSERT INTO coverage (instance_id, from_ms, to_ms) VALUES (1, ?, ?)');
    for (let day = 0; day < 30; day++)
      cover.run(from + day * DAY + 300_000, Math.min(now, from + (day + 1) * DAY));
    const server = db.prepare(
      `INSERT INTO servers (id, instance_id, backend, name, backup, first_seen_at, first_status, first_transition,
         last_status, last_transition) VALUES (?, 1, ?, ?, ?, ?, 0, 0, 0, 0)`,
    );
    const change = db.prepare(
      `INSERT INTO transitions (server_id, at, precision_ms, kind, from_status, from_transition, to_status,
         to_transition, check_status, check_code, check_desc) VALUES (?, ?, 1000, 'observed', ?, 0, ?, 0, ?, ?, ?)`,
    );
    const hour = db.prepare(
      `INSERT INTO rollup_hour (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst, check_duration_ms,
         check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max, response_ms, response_max_ms,
         total_ms, total_max_ms, http_5xx_rate, http_5xx_rate_max, bytes_in_rate, bytes_out_rate)
       VALUES (?, ?, ?, ?, 0, ?, ?, 1.5, 3, ?, ?, ?, ?, 0, 80, 240, 95, 300, 0.01, 0.5, 2000, 40000)`,
    );
    for (let id = 1; id <= servers; id++) {
      server.run(
        id,
        `be${Math.floor((id - 1) / perBackend)}`,
        `srv${(id - 1) % perBackend}`,
        id % perBackend === 0 ? 1 : 0,
        from,
      );
      const flaps = Math.floor(random() * 20);
      for (let f = 0; f < flaps; f++) {
        const at = from + Math.floor(random() * 30 * DAY);
        change.run(id, at, 0, 1, 'L7STS', 503, 'Layer7 wrong status');
        change.run(id, at + 5_000 + Math.floor(random() * 600_000), 1, 0, 'L7OK', 200, 'Layer7 check passed');
      }
      for (let h = Math.floor(from / 3_600_000); h < Math.floor(now / 3_600_000); h++) {
        const sessions = Math.round(random() * 20);
        hour.run(id, h, 3_590_000, 10_000, 0, 5, sessions, sessions * 2, sessions / 2, sessions);
      }
    }
  })();
  writeMeta(db, META_HOURS_ROLLED, String(Math.floor(now / 3_600_000)));
  writeMeta(db, META_MINUTES_ROLLED, String(Math.floor(now / 60_000)));
}
