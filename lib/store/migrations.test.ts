import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { noTraffic } from '@/lib/health/traffic-rates';
import { findBackend, queryBackendHistory } from './backend-history-query';
import { historyDbPath, openHistoryDb } from './db';
import { HistoryWriter } from './history-writer';
import type { HistoryWrite } from './history-writes';
import { runMaintenance } from './maintenance';
import { loadSamples, queryServerHistory } from './history-query';
import { MIGRATIONS } from './migrations';
import { DEFAULT_RETENTION } from './retention-policy';
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
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
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
    expect.objectContaining({
      at: T0,
      status: 'UP',
      checkDurationMs: 42,
      sessions: 3,
      queue: 0,
      sessionRate: 1,
    }),
  ]);
  db.close();
});

const NO_TRAFFIC = {
  http5xxRate: null,
  connectionErrorsRate: null,
  responseErrorsRate: null,
  responseMs: null,
  totalMs: null,
  bytesInRate: null,
  bytesOutRate: null,
};

/** A database of issue 9's hapscope (user_version 3): server samples and rollups, no traffic, no backends. */
function databaseAtVersion3(file: string): void {
  const db = new Database(file);
  for (const sql of MIGRATIONS.slice(0, 3)) db.exec(sql);
  db.pragma('user_version = 3');
  db.exec(`
    INSERT INTO instances (id, name) VALUES (1, 'eu');
    INSERT INTO servers (id, instance_id, backend, name, first_seen_at, first_status, first_transition, last_status,
      last_transition) VALUES (1, 1, 'web', 'a', ${T0}, 0, 0, 0, 0);
    INSERT INTO coverage (id, instance_id, from_ms, to_ms) VALUES (1, 1, ${T0}, ${T0 + 60_000});
    INSERT INTO samples (server_id, at, status, transition, check_duration_ms, sessions, queue, rate, stot, chkfail,
      chkdown, downtime) VALUES (1, ${T0}, 0, 0, 42, 3, 0, 1, 10, 0, 0, 0);
    INSERT INTO rollup_minute (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst, check_duration_ms,
      check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max)
      VALUES (1, ${T0 / 60_000}, 60000, 0, 0, 0, 5, 12.5, 40, 3, 3, 1, 1, 0);
    INSERT INTO meta (key, value) VALUES ('rollup_minute_until', '${T0 / 60_000 + 1}');
  `);
  db.close();
}

test('a version-3 database upgrades in place: old rows have no traffic, new polls record it, backends too', async () => {
  const file = historyDbPath(mkdtempSync(path.join(tmpdir(), 'hapscope-migrate-')));
  databaseAtVersion3(file);
  const db = openHistoryDb(file);
  expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
  const server = findServer(db, 'eu', 'web', 'a')!;
  const options = { now: T0 + 70_000, retention: DEFAULT_RETENTION };
  const before = queryServerHistory(db, server, { from: T0, to: T0 + 60_000 }, options);
  expect(before.samples).toEqual([
    {
      at: T0,
      status: 'UP',
      transition: null,
      checkDurationMs: 42,
      sessions: 3,
      queue: 0,
      sessionRate: 1,
      ...NO_TRAFFIC,
    },
  ]);

  // The recorder carries on in the same file: the server's traffic and, new, the backend's own row.
  const writer = new HistoryWriter(db);
  const recording = {
    loadInstance: async (name: string) => writer.loadInstance(name),
    writePoll: async (writes: readonly HistoryWrite[]) => writer.writePoll(writes),
  };
  const recorder = new HistoryRecorder(recording, 2000);
  const traffic = {
    rates: { ...noTraffic(), http5xx: 0.5, bytesIn: 1000, bytesOut: 64_000 },
    times: { queueMs: 0, connectMs: 1, responseMs: 35, totalMs: 60 },
  };
  const backend = { ...syntheticBackend('eu', 'web', [syntheticServer('a', traffic)]), ...traffic };
  await recorder.record({ instance: 'eu', at: T0 + 62_000, ok: true, backends: [backend], info: null });
  const after = queryServerHistory(db, server, { from: T0, to: T0 + 64_000 }, options);
  expect(after.samples.at(-1)).toMatchObject({
    at: T0 + 62_000,
    http5xxRate: 0.5,
    responseMs: 35,
    totalMs: 60,
    bytesInRate: 1000,
    bytesOutRate: 64_000,
  });
  const stored = findBackend(db, 'eu', 'web')!;
  const own = queryBackendHistory(db, stored, { from: T0, to: T0 + 64_000 }, options);
  expect(own.samples).toEqual([expect.objectContaining({ at: T0 + 62_000, http5xxRate: 0.5, totalMs: 60 })]);
  // Rolling up after the upgrade leaves the old minute as it was.
  runMaintenance(db, T0 + 10 * 60_000, DEFAULT_RETENTION);
  expect(
    db
      .prepare('SELECT check_duration_ms, http_5xx_rate FROM rollup_minute WHERE bucket = ?')
      .get(T0 / 60_000),
  ).toEqual({ check_duration_ms: 12.5, http_5xx_rate: null });
  db.close();
});

test('schema 5 adds access: a mute made before it has no author; users, sessions, tokens, share links, audit exist', () => {
  const file = historyDbPath(mkdtempSync(path.join(tmpdir(), 'hapscope-migrate-')));
  databaseAtVersion3(file);
  const db = openHistoryDb(file);
  db.prepare('INSERT INTO mutes (pool, until, created_at, reason) VALUES (?, ?, ?, ?)').run(
    'pool-a',
    2,
    1,
    'x',
  );
  expect(db.prepare('SELECT pool, created_by FROM mutes').all()).toEqual([
    { pool: 'pool-a', created_by: null },
  ]);
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  )
    .map((t) => t.name)
    .filter((name) => ['users', 'sessions', 'api_tokens', 'share_links', 'audit_log'].includes(name))
    .sort();
  expect(tables).toEqual(['api_tokens', 'audit_log', 'sessions', 'share_links', 'users']);
  db.close();
});

/** A database of issue 13's hapscope (user_version 5): one rollup row per minute, the last rolled 10:02. */
function databaseAtVersion5(file: string): void {
  const db = new Database(file);
  for (const sql of MIGRATIONS.slice(0, 5)) db.exec(sql);
  db.pragma('user_version = 5');
  db.exec(`
    INSERT INTO instances (id, name) VALUES (1, 'eu');
    INSERT INTO servers (id, instance_id, backend, name, first_seen_at, first_status, first_transition, last_status,
      last_transition) VALUES (1, 1, 'web', 'a', ${T0}, 0, 0, 0, 0);
    INSERT INTO coverage (id, instance_id, from_ms, to_ms) VALUES (1, 1, ${T0}, ${T0 + 300_000});
    INSERT INTO samples (server_id, at, status, transition, check_duration_ms, sessions, queue, rate, stot, chkfail,
      chkdown, downtime) VALUES (1, ${T0}, 0, 0, 12, 2, 0, 1, 10, 0, 0, 0);
    INSERT INTO meta (key, value) VALUES ('rollup_minute_until', '${T0 / 60_000 + 3}');
  `);
  const minute = db.prepare(
    `INSERT INTO rollup_minute (server_id, bucket, up_ms, down_ms, planned_ms, nodata_ms, worst, check_duration_ms,
       check_duration_max_ms, sess_avg, sess_max, rate_avg, rate_max, queue_max) VALUES (1, ?, 60000, 0, 0, 0, 5, 12,
       12, 2, 2, 1, 1, 0)`,
  );
  for (let i = 0; i < 3; i++) minute.run(T0 / 60_000 + i);
  db.close();
}

test('schema 6: minutes stored one row each read as before; rolling on, the last one grows into a run', () => {
  const file = historyDbPath(mkdtempSync(path.join(tmpdir(), 'hapscope-migrate-')));
  databaseAtVersion5(file);
  const db = openHistoryDb(file);
  const spans = () => db.prepare('SELECT bucket - ? AS minute, span FROM rollup_minute').all(T0 / 60_000);
  expect(spans()).toEqual([
    { minute: 0, span: 1 },
    { minute: 1, span: 1 },
    { minute: 2, span: 1 },
  ]);
  const server = findServer(db, 'eu', 'web', 'a')!;
  const minuteRange = { from: T0, to: T0 + 300_000 };
  const read = () => loadSamples(db, server.id, minuteRange, 'minute');
  const minute = (at: number) => ({
    at,
    status: 'UP',
    transition: null,
    checkDurationMs: 12,
    sessions: 2,
    queue: 0,
    sessionRate: 1,
    ...NO_TRAFFIC,
    rollup: expect.objectContaining({ upSec: 60, noDataSec: 0, sessionsMax: 2, checkDurationMaxMs: 12 }),
  });
  expect(read()).toEqual([T0, T0 + 60_000, T0 + 120_000].map(minute));

  // Minutes 3 and 4 hold the same sample: the old row of minute 2 now stands for 2–4.
  runMaintenance(db, T0 + 7 * 60_000, DEFAULT_RETENTION);
  expect(spans()).toEqual([
    { minute: 0, span: 1 },
    { minute: 1, span: 1 },
    { minute: 2, span: 3 },
  ]);
  expect(read()).toEqual([0, 1, 2, 3, 4].map((m) => minute(T0 + m * 60_000)));
  db.close();
});
