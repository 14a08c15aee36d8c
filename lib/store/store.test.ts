import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import type { Server } from '@/lib/health/types';
import type { HistoryDb } from './db';
import { queryEvents } from './events-query';
import { queryServerHistory } from './history-query';
import { runMaintenance } from './maintenance';
import { DEFAULT_RETENTION } from './retention-policy';
import { seedGeneratedHistory } from '@/lib/history/server/seed-history';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { SqliteStore } from './sqlite-store';
import { findServer } from './timelines';
import { queryUptime } from './uptime-query';

const POLL = 2000;
const T0 = Date.parse('2025-06-01T10:00:00Z');
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'hapscope-store-'));
/** The store on a directory, with no maintenance but the test's own. */
const storeAt = (dir: string) => new SqliteStore(dir, DEFAULT_RETENTION, Date.now, { maintain: false });

function poll(recorder: HistoryRecorder, at: number, servers: Server[] | null) {
  return recorder.record({
    instance: 'eu',
    at,
    ok: servers !== null,
    backends: servers ? [syntheticBackend('eu', 'web', servers)] : null,
    info: null,
  });
}
const count = (db: HistoryDb, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('store round trip', () => {
  test('polls survive a reopen (as after a crash); a restart invents no transition; gaps are no data', async () => {
    const dir = tempDir();
    let store = storeAt(dir);
    let db = store.db();
    let recorder = new HistoryRecorder(store.recording, POLL);
    // a: UP, DOWN from poll 10 to poll 20 (lastchg 1 s); b stays UP. 30 polls = 60 s.
    for (let i = 0; i < 30; i++) {
      const down = i >= 10 && i < 20;
      const a = syntheticServer('a', {
        status: down ? 'DOWN' : 'UP',
        lastChangeSec: i === 10 || i === 20 ? 1 : 30,
        checkDowns: i >= 10 ? 1 : 0,
      });
      await poll(recorder, T0 + i * POLL, [
        a,
        syntheticServer('b', { sessions: { current: i % 3, max: 3, limit: null, total: i } }),
      ]);
    }
    expect(count(db, 'SELECT COUNT(*) AS n FROM transitions')).toBe(2);
    // a: first poll, 2 changes, a heartbeat; b: a change on most polls (sessions cycle 0,1,2).
    expect(
      count(
        db,
        "SELECT COUNT(*) AS n FROM samples s JOIN servers v ON v.id = s.server_id WHERE v.name = 'a'",
      ),
    ).toBeLessThanOrEqual(5);
    await store.close(); // no checkpoint: the WAL holds the data, as after a crash

    store = storeAt(dir);
    db = store.db();
    recorder = new HistoryRecorder(store.recording, POLL);
    const restartAt = T0 + 5 * 60_000;
    for (let i = 0; i < 30; i++)
      await poll(recorder, restartAt + i * POLL, [syntheticServer('a'), syntheticServer('b')]);
    expect(count(db, 'SELECT COUNT(*) AS n FROM transitions')).toBe(2);
    expect(count(db, 'SELECT COUNT(*) AS n FROM coverage')).toBe(2);

    const range = { from: T0, to: restartAt + 60_000 };
    const report = queryUptime(db, range);
    const a = report.servers.find((s) => s.server.server === 'a')!;
    // DOWN from poll 10 − 1 s to poll 20 − 1 s = 20 s; covered: 58 s + 58 s; the rest no data.
    expect(a).toMatchObject({ downSec: 20, upSec: 96, noDataSec: 360 - 116 });
    expect(report.backends).toEqual([
      expect.objectContaining({ backend: 'web', downSec: 0, uptimePct: 100 }),
    ]);

    const events = queryEvents(db, range, 10);
    expect(events.map((e) => [e.from?.status, e.to.status, e.durationMs])).toEqual([
      ['DOWN', 'UP', null],
      ['UP', 'DOWN', 20_000],
    ]);
    expect(events[1]!.at).toBe(T0 + 10 * POLL - 1000);
    await store.close();
  });

  test('a state change while hapscope was down is recorded once, back-dated when lastchg allows', async () => {
    const dir = tempDir();
    let store = storeAt(dir);
    await poll(new HistoryRecorder(store.recording, POLL), T0, [syntheticServer('a')]);
    await store.close();
    store = storeAt(dir);
    const recorder = new HistoryRecorder(store.recording, POLL);
    await poll(recorder, T0 + 60_000, [syntheticServer('a', { status: 'MAINT', lastChangeSec: 20 })]);
    await poll(recorder, T0 + 62_000, [syntheticServer('a', { status: 'MAINT', lastChangeSec: 22 })]);
    const events = queryEvents(store.db(), { from: T0, to: T0 + 120_000 }, 10);
    expect(events).toEqual([
      expect.objectContaining({ at: T0 + 40_000, kind: 'observed', precisionMs: 1000 }),
    ]);
    await store.close();
  });

  test('a server that leaves the configuration stops holding its state', async () => {
    const store = storeAt(tempDir());
    const db = store.db();
    const recorder = new HistoryRecorder(store.recording, POLL);
    for (let i = 0; i < 10; i++) {
      await poll(
        recorder,
        T0 + i * POLL,
        i < 5 ? [syntheticServer('a'), syntheticServer('gone')] : [syntheticServer('a')],
      );
    }
    const report = queryUptime(db, { from: T0, to: T0 + 18_000 });
    expect(report.servers.find((s) => s.server.server === 'gone')).toMatchObject({ upSec: 10, noDataSec: 8 });
    await store.close();
  });
});

describe('rollups and retention', () => {
  test('minute and hour rollups match the raw figures, are idempotent, and survive pruning', async () => {
    const store = storeAt(tempDir());
    const db = store.db();
    const recorder = new HistoryRecorder(store.recording, POLL);
    // 10 minutes of 2 s polls; DOWN during minutes 3 and 4; sessions 4 throughout; check 10 ms, 30 ms when DOWN.
    for (let at = T0; at <= T0 + 10 * 60_000; at += POLL) {
      const down = at >= T0 + 3 * 60_000 && at < T0 + 5 * 60_000;
      await poll(recorder, at, [
        syntheticServer('a', {
          status: down ? 'DOWN' : 'UP',
          lastChangeSec: 3600,
          sessions: { current: down ? 0 : 4, max: 4, limit: null, total: 0 },
          check: { ...syntheticServer('a').check, durationMs: down ? 30 : 10 },
        }),
      ]);
    }
    const now = T0 + 3 * 3_600_000;
    runMaintenance(db, now, DEFAULT_RETENTION);
    const minutes = db.prepare('SELECT * FROM rollup_minute ORDER BY bucket').all() as Record<
      string,
      number
    >[];
    // One row per run of unchanged minutes: UP 0–2, DOWN 3–4, UP 5–9.
    expect(minutes.map((m) => [m.bucket! - T0 / 60_000, m.span, m.down_ms])).toEqual([
      [0, 3, 0],
      [3, 2, 60_000],
      [5, 5, 0],
    ]);
    expect(minutes[1]).toMatchObject({
      check_duration_ms: 30,
      check_duration_max_ms: 30,
      sess_avg: 0,
      nodata_ms: 0,
    });
    expect(minutes[0]).toMatchObject({ check_duration_ms: 10, sess_avg: 4, sess_max: 4 });
    const hours = db.prepare('SELECT * FROM rollup_hour').all() as Record<string, number>[];
    expect(hours).toEqual([
      expect.objectContaining({
        up_ms: 480_000,
        down_ms: 120_000,
        nodata_ms: 3_000_000,
        check_duration_max_ms: 30,
        check_duration_ms: 14,
      }),
    ]);

    runMaintenance(db, now, DEFAULT_RETENTION);
    expect(db.prepare('SELECT * FROM rollup_minute ORDER BY bucket').all()).toEqual(minutes);

    runMaintenance(db, now, { ...DEFAULT_RETENTION, rawHours: 1 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM samples')).toBe(0);
    const server = findServer(db, 'eu', 'web', 'a')!;
    const history = queryServerHistory(
      db,
      server,
      { from: T0, to: T0 + 20 * 60_000 },
      {
        now,
        retention: { ...DEFAULT_RETENTION, rawHours: 1 },
      },
    );
    expect(history.resolution).toBe('minute');
    expect(history.samples).toHaveLength(10);
    expect(history.samples.filter((s) => s.status === 'DOWN')).toHaveLength(2);
    expect(history.uptime).toMatchObject({ downSec: 120, noDataSec: 600 });
    await store.close();
  });
});

describe('demo seed', () => {
  test('generates history once, marked as generated', async () => {
    const store = storeAt(tempDir());
    const db = store.db();
    const now = T0 + 6 * 3_600_000;
    const topology = ['flappy', 'outage', 'maint', 'steady'].map((server) => ({
      instance: 'demo',
      backend: 'web',
      server,
    }));
    const until = await seedGeneratedHistory(store, topology, now, 3);
    expect(until).toBeGreaterThan(now - 20_000);
    expect(await seedGeneratedHistory(store, topology, now, 3)).toBeNull();
    expect(await store.history.generatedUntil()).toBe(until);
    const report = queryUptime(db, { from: now - 3 * 3_600_000, to: now });
    const by = Object.fromEntries(report.servers.map((s) => [s.server.server, s]));
    expect(by.flappy!.downSec).toBeGreaterThan(300);
    expect(by.outage!.downSec).toBeCloseTo(720, -1);
    expect(by.maint!.plannedSec).toBeCloseTo(1800, -1);
    expect(by.steady).toMatchObject({ downSec: 0, uptimePct: 100 });
    expect(by.steady!.noDataSec).toBeGreaterThan(200);
    expect(count(db, 'SELECT COUNT(*) AS n FROM rollup_minute')).toBeGreaterThan(0);
    // Traffic too, for the response-time, errors and bytes charts: the flapping server answers 5xx around its flaps.
    for (const table of ['rollup_minute', 'backend_rollup_minute']) {
      const traffic = db
        .prepare(
          `SELECT MIN(response_ms) AS fastest, MAX(total_max_ms) AS slowest, MAX(http_5xx_rate_max) AS errors,
             MAX(bytes_out_rate) AS bytes, COUNT(*) AS n FROM ${table}`,
        )
        .get() as Record<string, number>;
      expect(traffic.fastest, table).toBeGreaterThan(0);
      expect(traffic.slowest, table).toBeGreaterThan(traffic.fastest!);
      expect(traffic.errors, table).toBeGreaterThan(0);
      expect(traffic.bytes, table).toBeGreaterThan(0);
    }
    await store.close();
  });
});
