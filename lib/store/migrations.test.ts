import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { historyDbPath, openHistoryDb } from './db';
import { queryServerHistory } from './history-query';
import { MIGRATIONS } from './migrations';
import { DEFAULT_RETENTION } from './retention';
import { findServer } from './timelines';

const T0 = Date.parse('2025-06-01T10:00:00Z');

/** A database as hapscope left it before the check-duration renames (user_version 2), with one server's rows. */
function databaseAtVersion2(file: string): void {
  const db = new Database(file);
  db.exec(MIGRATIONS[0]!);
  db.exec(MIGRATIONS[1]!);
  db.pragma('user_version = 2');
  db.exec(`
    INSERT INTO instances (id, name) VALUES (1, 'eu');
    INSERT INTO servers (id, instance_id, backend, name, first_seen_at, first_status, first_transition, last_status,
      last_transition) VALUES (1, 1, 'web', 'a', ${T0}, 0, 0, 0, 0);
    INSERT INTO coverage (instance_id, from_ms, to_ms) VALUES (1, ${T0}, ${T0 + 120_000});
    INSERT INTO samples (server_id, at, status, transition, check_ms, sessions, queue, rate, stot, chkfail, chkdown,
      downtime) VALUES (1, ${T0}, 0, 0, 42, 3, 0, 1, 10, 0, 0, 0);
    INSERT INTO rollup_minute (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst, check_avg, check_max,
      sess_avg, sess_max, rate_avg, rate_max, queue_max) VALUES (1, ${T0 / 60_000}, 60000, 0, 0, 0, 6, 12.5, 40, 3, 3, 1, 1, 0);
    INSERT INTO rollup_hour (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst, check_avg, check_max,
      sess_avg, sess_max, rate_avg, rate_max, queue_max) VALUES (1, ${T0 / 3_600_000}, 60000, 0, 0, 3540000, 6, 12.5, 40, 3, 3, 1, 1, 0);
  `);
  db.close();
}

test('a version-2 database upgrades in place: check durations read back under their new names', () => {
  const file = historyDbPath(mkdtempSync(path.join(tmpdir(), 'hapscope-migrate-')));
  databaseAtVersion2(file);
  const db = openHistoryDb(file);
  expect(db.pragma('user_version', { simple: true })).toBe(3);
  expect(db.prepare('SELECT check_duration_ms FROM samples').get()).toEqual({ check_duration_ms: 42 });
  for (const table of ['rollup_minute', 'rollup_hour']) {
    expect(db.prepare(`SELECT check_duration_ms, check_duration_max_ms FROM ${table}`).get()).toEqual({
      check_duration_ms: 12.5,
      check_duration_max_ms: 40,
    });
  }
  const server = findServer(db, 'eu', 'web', 'a')!;
  const history = queryServerHistory(
    db,
    server,
    { from: T0, to: T0 + 60_000 },
    { now: T0 + 60_000, retention: DEFAULT_RETENTION },
  );
  expect(history.resolution).toBe('raw');
  expect(history.samples).toEqual([
    { at: T0, status: 'UP', transition: null, checkDurationMs: 42, sessions: 3, queue: 0, sessionRate: 1 },
  ]);
  db.close();
});
