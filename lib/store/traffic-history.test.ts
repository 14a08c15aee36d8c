import { describe, expect, test } from 'vitest';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { Backend, ProxyTimes, TrafficRates } from '@/lib/health/types';
import { findBackend, queryBackendHistory } from './backend-history-query';
import type { HistoryDb } from './db';
import { queryServerHistory } from './history-query';
import { runMaintenance } from './maintenance';
import { BACKEND_RAW, SERVER_RAW } from './raw-samples';
import { DEFAULT_RETENTION } from './retention-policy';
import { rawReader } from './sqlite-raw-samples';
import { SqliteStore } from './sqlite-store';
import { findServer } from './timelines';

const POLL = 2000;
const T0 = Date.parse('2025-06-01T10:00:00Z'); // an hour start
const T0_MINUTE = T0 / 60_000;
const T0_HOUR = T0 / 3_600_000;
const NOW = T0 + 3 * 3_600_000;

/** Traffic as the collector hands it over: rates per second, rtime/ttime. */
interface Traffic {
  http5xx: number | null;
  connectionErrors: number | null;
  responseErrors: number | null;
  bytesIn: number | null;
  bytesOut: number | null;
  responseMs: number | null;
  totalMs: number | null;
}

function split(t: Traffic): { rates: TrafficRates; times: ProxyTimes } {
  const { responseMs, totalMs, ...rates } = t;
  return {
    rates: { ...noTraffic(), ...rates },
    times: { queueMs: null, connectMs: null, responseMs, totalMs },
  };
}

/** Server a over the first 3 minutes, by seconds since T0 (minute rollups and the hour are computed by hand). */
function serverTraffic(s: number): Traffic {
  return {
    http5xx: s < 30 ? 2 : 0,
    connectionErrors: null,
    responseErrors: 0.5,
    bytesIn: s < 76 ? 4000 : 1000,
    bytesOut: 0,
    responseMs: s < 30 ? 100 : s < 120 ? 200 : 50,
    totalMs: s < 30 ? null : s < 60 ? 300 : s < 120 ? 600 : null,
  };
}

/** The backend's own row: its servers answer no 5xx, but from 90 s it answers 503s itself (no usable server). */
function backendAt(s: number): Backend {
  const server = syntheticServer('a', split(serverTraffic(s)));
  return {
    ...syntheticBackend('eu', 'web', [server]),
    sessions: { current: s < 60 ? 4 : 10, max: 10, limit: null, total: 0 },
    sessionRate: { current: 2, max: 2 },
    ...split({
      http5xx: s < 90 ? 0 : 3,
      connectionErrors: 0.25,
      responseErrors: null,
      bytesIn: 2048,
      bytesOut: 8192,
      responseMs: 20,
      totalMs: s < 60 ? null : 40,
    }),
  };
}

/** A store in memory, with no maintenance but the test's own, and its connection for the SQL read back. */
function memory() {
  const store = new SqliteStore(':memory:', DEFAULT_RETENTION, Date.now, { maintain: false });
  return { store, db: store.db() };
}

/** Polls every 2 s for 3 minutes (T0 … T0 + 180 s); polls in [130 s, 150 s) fail, a gap in coverage. */
async function recordThreeMinutes(store: SqliteStore, recorder = new HistoryRecorder(store.recording, POLL)) {
  for (let s = 0; s <= 180; s += 2) {
    const ok = s < 130 || s >= 150;
    await recorder.record({
      instance: 'eu',
      at: T0 + s * 1000,
      ok,
      backends: ok ? [backendAt(s)] : null,
      info: null,
    });
  }
  return recorder;
}

const rows = (db: HistoryDb, sql: string) => db.prepare(sql).all() as Record<string, number | null>[];

const SERVER_TRAFFIC_COLUMNS = `bucket, http_5xx_rate, http_5xx_rate_max, connection_errors_rate, response_errors_rate,
  response_ms, response_max_ms, total_ms, total_max_ms, bytes_in_rate, bytes_out_rate`;

describe("a server's traffic, rolled up", () => {
  test('minute rollups: time-weighted means over the time each figure was known, maxima where kept', async () => {
    const { store, db } = memory();
    await recordThreeMinutes(store);
    runMaintenance(db, NOW, DEFAULT_RETENTION);
    // Minute 2 is covered 120–128 s and 150–180 s (38 s): the server held 50 ms / null / 1000 B/s throughout.
    expect(rows(db, `SELECT ${SERVER_TRAFFIC_COLUMNS} FROM rollup_minute ORDER BY bucket`)).toEqual([
      {
        bucket: T0_MINUTE,
        http_5xx_rate: 1, // 2/s for 30 s, 0 for 30 s
        http_5xx_rate_max: 2,
        connection_errors_rate: null,
        response_errors_rate: 0.5,
        response_ms: 150, // 100 ms for 30 s, 200 ms for 30 s
        response_max_ms: 200,
        total_ms: 300, // unknown for 30 s, 300 ms for 30 s
        total_max_ms: 300,
        bytes_in_rate: 4000,
        bytes_out_rate: 0,
      },
      {
        bucket: T0_MINUTE + 1,
        http_5xx_rate: 0,
        http_5xx_rate_max: 0,
        connection_errors_rate: null,
        response_errors_rate: 0.5,
        response_ms: 200,
        response_max_ms: 200,
        total_ms: 600,
        total_max_ms: 600,
        bytes_in_rate: 1800, // 4000 B/s until the poll at 76 s, then 1000: (4000 × 16 + 1000 × 44) / 60
        bytes_out_rate: 0,
      },
      {
        bucket: T0_MINUTE + 2,
        http_5xx_rate: 0,
        http_5xx_rate_max: 0,
        connection_errors_rate: null,
        response_errors_rate: 0.5,
        response_ms: 50,
        response_max_ms: 50,
        total_ms: null,
        total_max_ms: null,
        bytes_in_rate: 1000,
        bytes_out_rate: 0,
      },
    ]);
  });

  test('the hour: minute means weighted by covered time, minutes without a value left out', async () => {
    const { store, db } = memory();
    await recordThreeMinutes(store);
    runMaintenance(db, NOW, DEFAULT_RETENTION);
    expect(rows(db, `SELECT ${SERVER_TRAFFIC_COLUMNS} FROM rollup_hour`)).toEqual([
      {
        bucket: T0_HOUR,
        http_5xx_rate: 0.3797, // (1 × 60 + 0 × 60 + 0 × 38) / 158
        http_5xx_rate_max: 2,
        connection_errors_rate: null,
        response_errors_rate: 0.5,
        response_ms: 145, // (150 × 60 + 200 × 60 + 50 × 38) / 158 = 144.9, to whole ms
        response_max_ms: 200,
        total_ms: 450, // (300 × 60 + 600 × 60) / 120: minute 2 knew none
        total_max_ms: 600,
        bytes_in_rate: 2443, // (4000 × 60 + 1800 × 60 + 1000 × 38) / 158 = 2443.04
        bytes_out_rate: 0,
      },
    ]);
  });

  test('the history API reads raw samples, then rollups with their maxima', async () => {
    const { store, db } = memory();
    await recordThreeMinutes(store);
    const server = findServer(db, 'eu', 'web', 'a')!;
    const raw = queryServerHistory(
      db,
      server,
      { from: T0, to: T0 + 60_000 },
      {
        now: T0 + 181_000,
        retention: DEFAULT_RETENTION,
      },
    );
    expect(raw.resolution).toBe('raw');
    expect(raw.samples[0]).toMatchObject({
      at: T0,
      http5xxRate: 2,
      connectionErrorsRate: null,
      responseErrorsRate: 0.5,
      responseMs: 100,
      totalMs: null,
      bytesInRate: 4000,
      bytesOutRate: 0,
    });
    expect(raw.samples.find((s) => s.at === T0 + 30_000)).toMatchObject({ http5xxRate: 0, totalMs: 300 });

    runMaintenance(db, NOW, DEFAULT_RETENTION);
    const hours = { from: T0, to: T0 + 3 * 3_600_000 };
    const rolled = queryServerHistory(db, server, hours, { now: NOW, retention: DEFAULT_RETENTION });
    expect(rolled.resolution).toBe('minute');
    expect(rolled.samples[0]).toMatchObject({
      at: T0,
      http5xxRate: 1,
      responseMs: 150,
      totalMs: 300,
      rollup: { http5xxRateMax: 2, responseMaxMs: 200, totalMaxMs: 300 },
    });
  });
});

describe("a backend's own series", () => {
  test('one sample per change of its own row; minute and hour rollups', async () => {
    const { store, db } = memory();
    await recordThreeMinutes(store);
    runMaintenance(db, NOW, DEFAULT_RETENTION);
    const columns = `bucket, covered_ms, nodata_ms, sess_avg, sess_max, rate_avg, rate_max, http_5xx_rate,
      http_5xx_rate_max, connection_errors_rate, response_errors_rate, response_ms, total_ms, total_max_ms`;
    expect(rows(db, `SELECT ${columns} FROM backend_rollup_minute ORDER BY bucket`)).toEqual([
      {
        bucket: T0_MINUTE,
        covered_ms: 60_000,
        nodata_ms: 0,
        sess_avg: 4,
        sess_max: 4,
        rate_avg: 2,
        rate_max: 2,
        http_5xx_rate: 0, // the server's 5xx are not the backend's own
        http_5xx_rate_max: 0,
        connection_errors_rate: 0.25,
        response_errors_rate: null,
        response_ms: 20,
        total_ms: null,
        total_max_ms: null,
      },
      {
        bucket: T0_MINUTE + 1,
        covered_ms: 60_000,
        nodata_ms: 0,
        sess_avg: 10,
        sess_max: 10,
        rate_avg: 2,
        rate_max: 2,
        http_5xx_rate: 1.5, // its own 503s from 90 s: 3/s for 30 s
        http_5xx_rate_max: 3,
        connection_errors_rate: 0.25,
        response_errors_rate: null,
        response_ms: 20,
        total_ms: 40,
        total_max_ms: 40,
      },
      {
        bucket: T0_MINUTE + 2,
        covered_ms: 38_000, // 120–128 s and 150–180 s
        nodata_ms: 22_000,
        sess_avg: 10,
        sess_max: 10,
        rate_avg: 2,
        rate_max: 2,
        http_5xx_rate: 3,
        http_5xx_rate_max: 3,
        connection_errors_rate: 0.25,
        response_errors_rate: null,
        response_ms: 20,
        total_ms: 40,
        total_max_ms: 40,
      },
    ]);
    expect(rows(db, `SELECT ${columns} FROM backend_rollup_hour`)).toEqual([
      {
        bucket: T0_HOUR,
        covered_ms: 158_000,
        nodata_ms: 3_600_000 - 158_000,
        sess_avg: 7.7, // (4 × 60 + 10 × 60 + 10 × 38) / 158
        sess_max: 10,
        rate_avg: 2,
        rate_max: 2,
        http_5xx_rate: 1.2911, // (0 × 60 + 1.5 × 60 + 3 × 38) / 158
        http_5xx_rate_max: 3,
        connection_errors_rate: 0.25,
        response_errors_rate: null,
        response_ms: 20,
        total_ms: 40, // minute 0 knew none
        total_max_ms: 40,
      },
    ]);
  });

  test('its history: raw samples with the gap as no data, then rollups; an unknown backend is not found', async () => {
    const { store, db } = memory();
    await recordThreeMinutes(store);
    expect(findBackend(db, 'eu', 'api')).toBeNull();
    expect(findBackend(db, 'us', 'web')).toBeNull();
    const backend = findBackend(db, 'eu', 'web')!;
    const range = { from: T0, to: T0 + 180_000 };
    const raw = queryBackendHistory(db, backend, range, { now: T0 + 181_000, retention: DEFAULT_RETENTION });
    expect(raw).toMatchObject({
      backend: { instance: 'eu', backend: 'web' },
      resolution: 'raw',
      noData: [{ from: T0 + 128_000, to: T0 + 150_000 }],
    });
    const holding = (at: number) => raw.samples.filter((s) => s.at <= at).at(-1);
    expect(holding(T0 + 10_000)).toEqual({
      at: T0,
      sessions: 4,
      sessionRate: 2,
      http5xxRate: 0,
      connectionErrorsRate: 0.25,
      responseErrorsRate: null,
      responseMs: 20,
      totalMs: null,
      bytesInRate: 2048,
      bytesOutRate: 8192,
    });
    expect(holding(T0 + 91_000)).toMatchObject({
      at: T0 + 90_000,
      http5xxRate: 3,
      sessions: 10,
      totalMs: 40,
    });
    // Written on change, at a gap's end and as a 30 s heartbeat: far fewer than the 81 successful polls.
    expect(raw.samples.length).toBeLessThan(15);

    runMaintenance(db, NOW, DEFAULT_RETENTION);
    const week = { from: NOW - 7 * 86_400_000, to: NOW };
    const rolled = queryBackendHistory(db, backend, week, { now: NOW, retention: DEFAULT_RETENTION });
    expect(rolled.resolution).toBe('hour');
    expect(rolled.samples).toEqual([
      expect.objectContaining({
        at: T0,
        sessions: 7.7,
        http5xxRate: 1.2911,
        rollup: expect.objectContaining({ bucketMs: 3_600_000, http5xxRateMax: 3, noDataSec: 3442 }),
      }),
    ]);
  });

  test('a backend that leaves the configuration stops being covered', async () => {
    const { store, db } = memory();
    const recorder = new HistoryRecorder(store.recording, POLL);
    const other = syntheticBackend('eu', 'api', [syntheticServer('b')]);
    for (let s = 0; s <= 20; s += 2) {
      const backends = s < 8 ? [backendAt(s), other] : [other];
      await recorder.record({ instance: 'eu', at: T0 + s * 1000, ok: true, backends, info: null });
    }
    const backend = findBackend(db, 'eu', 'web')!;
    const history = queryBackendHistory(
      db,
      backend,
      { from: T0, to: T0 + 20_000 },
      {
        now: T0 + 21_000,
        retention: DEFAULT_RETENTION,
      },
    );
    // Gone from the poll at 8 s: its last sample stops holding there.
    expect(history.noData).toEqual([{ from: T0 + 8000, to: T0 + 20_000 }]);
  });
});

describe('retention', () => {
  test("old backend samples and rollups go with the servers' ones; recent ones stay", async () => {
    const { store, db } = memory();
    const recorder = await recordThreeMinutes(store);
    const recent = T0 + 2.5 * 3_600_000;
    for (let s = 0; s <= 60; s += 2) {
      await recorder.record({
        instance: 'eu',
        at: recent + s * 1000,
        ok: true,
        backends: [backendAt(s)],
        info: null,
      });
    }
    runMaintenance(db, NOW, DEFAULT_RETENTION);
    const count = (table: string, where = '1 = 1') =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
    // Raw samples in a range, whether still a row each or packed into blocks (raw-samples.ts).
    const raw = (series: typeof SERVER_RAW, from: number, to: number) => {
      const ids = db
        .prepare(`SELECT id FROM ${series === SERVER_RAW ? 'servers' : 'backends'}`)
        .pluck()
        .all();
      const read = rawReader(db, series);
      return (ids as number[]).reduce((n, id) => n + read(id, { from, to }, false).inside.length, 0);
    };
    expect(raw(BACKEND_RAW, 0, T0 + 3_600_000)).toBeGreaterThan(0);
    expect(count('backend_rollup_minute')).toBe(4);

    // Raw kept 1 h, minutes 1 h, hours 1 day: the first three minutes are older than both windows.
    runMaintenance(db, NOW, { rawHours: 1, minuteDays: 1 / 24, hourDays: 1 });
    for (const series of [SERVER_RAW, BACKEND_RAW]) {
      expect(raw(series, 0, T0 + 3_600_000), series.hot).toBe(0);
      expect(raw(series, recent, Infinity), series.hot).toBeGreaterThan(0);
    }
    for (const table of ['rollup_minute', 'backend_rollup_minute']) {
      expect(rows(db, `SELECT bucket FROM ${table}`), table).toEqual([{ bucket: T0_MINUTE + 150 }]);
    }
    expect(count('backend_rollup_hour')).toBe(1);
    // A day later every hour (T0's and the recent one's, rolled meanwhile) is past the 1-day window.
    runMaintenance(db, T0 + 27 * 3_600_000, { rawHours: 1, minuteDays: 1 / 24, hourDays: 1 });
    expect(count('backend_rollup_hour')).toBe(0);
    expect(count('rollup_hour')).toBe(0);
  });
});
