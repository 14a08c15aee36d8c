import { describe, expect, test } from 'vitest';
import { HistoryRecorder, type PollRecord } from '@/lib/history/server/history-recorder';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { Backend, Server } from '@/lib/health/types';
import { findBackend, queryBackendHistory } from './backend-history-query';
import { readMeta, type HistoryDb } from './db';
import { pruneDense, rollDense } from './dense-rollups-fixture';
import { loadSamples, queryServerHistory } from './history-query';
import type { HistorySample } from './history-types';
import { runMaintenance } from './maintenance';
import { queryPoolCheckDurations } from './pool-latency-query';
import { PACKED_ROLLUPS } from './packed-rollups';
import { decodeRuns, type PackedRun } from './packed-runs';
import { prune } from './retention';
import type { Retention } from './retention-policy';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED, rewindRollups } from './rollup';
import { SqliteStore } from './sqlite-store';
import { findServer } from './timelines';
import { queryUptime } from './uptime-query';

const POLL = 5000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.parse('2025-06-01T22:00:00Z'); // two hours before midnight: hour runs end with their day
const T0_MINUTE = T0 / MINUTE;
const T0_HOUR = T0 / HOUR;
const END = T0 + 4 * HOUR;
const NOW = END + 3 * MINUTE; // every minute rolled (until END + 1 min), and the four hours
const SERVERS = ['quiet', 'flappy', 'busy', 'leaver'] as const;

/**
 * Four hours of 5 s polls. quiet: UP, 10 ms checks. flappy: DOWN from 50:30 to 53:00 (30 ms checks meanwhile).
 * busy: figures that change every 4.5 minutes (mid-minute every other time). leaver: gone from 70:30. Polls fail
 * from 95:20 to 97:00: minute 95 is partly covered, minute 96 not at all. Every value is exact in binary, so means
 * of equal minutes are exact however they are summed.
 */
function pollAt(t: number, checkJitter = false): Backend[] | null {
  const s = (t - T0) / 1000;
  if (s >= 95 * 60 + 20 && s < 97 * 60) return null;
  const phase = Math.floor(s / 270);
  const down = s >= 50 * 60 + 30 && s < 53 * 60;
  const jitter = checkJitter ? (s / 5) % 3 : 0; // 0, 1, 2 ms: under the 2 ms tolerance
  const check = (durationMs: number) => ({ ...syntheticServer('x').check, durationMs: durationMs + jitter });
  const servers: Server[] = [
    syntheticServer('quiet', { pool: 'p1', check: check(10) }),
    syntheticServer('flappy', {
      pool: 'p1',
      status: down ? 'DOWN' : 'UP',
      statusText: down ? 'DOWN' : 'UP',
      lastChangeSec: 0,
      checkDowns: s >= 50 * 60 + 30 ? 1 : 0,
      check: { ...syntheticServer('x', { status: down ? 'DOWN' : 'UP' }).check, durationMs: down ? 30 : 10 },
    }),
    syntheticServer('busy', {
      pool: 'p1',
      check: check(20),
      sessions: { current: phase % 3, max: 2, limit: null, total: 0 },
      sessionRate: { current: phase % 2, max: 1 },
      rates: { ...noTraffic(), http5xx: phase % 5 === 0 ? 0.5 : 0, bytesIn: 4096 * (phase % 3), bytesOut: 0 },
      times: { queueMs: null, connectMs: null, responseMs: 100 + 50 * (phase % 2), totalMs: null },
    }),
  ];
  if (s < 70 * 60 + 30) servers.push(syntheticServer('leaver', { check: check(5) }));
  const backend = syntheticBackend('eu', 'web', servers);
  return [
    {
      ...backend,
      sessions: { current: phase % 3, max: 2, limit: null, total: 0 },
      sessionRate: { current: phase % 2, max: 1 },
      rates: { ...noTraffic(), http5xx: s >= 120 * 60 && s < 125 * 60 ? 3 : 0, bytesIn: 2048 },
      times: { queueMs: null, connectMs: null, responseMs: 20, totalMs: 40 },
    },
  ];
}

/**
 * The same polls into a database that rolls up as it goes (runs) and into one rolled the old way (dense). `held`:
 * the runs database gets those polls late, at its end, as the recorder writes polls kept while the store failed.
 */
async function recordBoth(checkJitter = false, held?: { from: number; to: number }) {
  const [runsStore, denseStore] = [0, 1].map(
    () => new SqliteStore(':memory:', KEEP, Date.now, { maintain: false }),
  );
  const [runs, dense] = [runsStore!.db(), denseStore!.db()];
  const [late, onTime] = [runsStore, denseStore].map((store) => new HistoryRecorder(store!.recording, POLL));
  const waiting: PollRecord[] = [];
  for (let t = T0; t <= END; t += POLL) {
    const backends = pollAt(t, checkJitter);
    const poll = { instance: 'eu', at: t, ok: backends !== null, backends, info: null };
    await onTime!.record(poll);
    if (held && t >= held.from && t < held.to) waiting.push(poll);
    else {
      if (waiting.length > 0) rewindRollups(runs, waiting[0]!.at);
      for (const earlier of waiting.splice(0)) await late!.record(earlier);
      await late!.record(poll);
    }
    // Maintenance every 7 minutes in the first hour, then every minute, as the app runs it: runs grow across
    // windows of every size.
    const minute = (t - T0) / MINUTE;
    if (Number.isInteger(minute) && (minute >= 60 || minute % 7 === 0)) runMaintenance(runs, t, KEEP);
  }
  runMaintenance(runs, NOW, KEEP);
  rollDense(dense, Number(readMeta(runs, META_MINUTES_ROLLED)), Number(readMeta(runs, META_HOURS_ROLLED)));
  return { runs, dense };
}

const KEEP: Retention = { rawHours: 48, minuteDays: 30, hourDays: 365 };
/** What the readers are told, to read minute rollups for any span, or hour rollups (then minutes after them). */
const AT_MINUTES: Retention = { rawHours: 0, minuteDays: 30, hourDays: 365 };
const AT_HOURS: Retention = { rawHours: 0, minuteDays: 0, hourDays: 365 };
/** … or raw samples: the runs database has packed them into blocks (raw-samples.ts), the dense one has not. */
const AT_RAW: Retention = { rawHours: 24 * 365, minuteDays: 30, hourDays: 365 };

/**
 * A server's stored runs, whether rows or in packed days (packed-runs.ts): [first bucket, counted from T0's minute
 * or hour, span].
 */
const storedRuns = (db: HistoryDb, table: 'rollup_minute' | 'rollup_hour', server: string) => {
  const first = table === 'rollup_minute' ? T0_MINUTE : T0_HOUR;
  const id = findServer(db, 'eu', 'web', server)!.id;
  const rows = db
    .prepare(`SELECT bucket, span FROM ${table} WHERE server_id = ? ORDER BY bucket`)
    .all(id) as PackedRun[];
  const days = db
    .prepare(`SELECT data FROM ${table}_blocks WHERE server_id = ? ORDER BY block`)
    .pluck()
    .all(id) as Buffer[];
  const packed = days.flatMap((data) => decodeRuns<PackedRun>(data, PACKED_ROLLUPS[table]));
  return [...packed, ...rows].map((r) => [r.bucket - first, r.span]);
};
/** How many runs a table keeps, rows and packed. */
const countRuns = (db: HistoryDb, table: string) =>
  count(db, table) +
  (db.prepare(`SELECT data FROM ${table}_blocks`).pluck().all() as Buffer[]).reduce(
    (n, data) => n + decodeRuns(data, PACKED_ROLLUPS[table as keyof typeof PACKED_ROLLUPS]).length,
    0,
  );
const count = (db: HistoryDb, table: string) =>
  (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Everything a user can read of the history over `range`, raw, at minute and at hour resolution. */
function answers(db: HistoryDb, range: { from: number; to: number }) {
  const backend = findBackend(db, 'eu', 'web')!;
  return [AT_RAW, AT_MINUTES, AT_HOURS].map((retention) => {
    const options = { now: NOW, retention };
    return {
      servers: SERVERS.map((name) =>
        queryServerHistory(db, findServer(db, 'eu', 'web', name)!, range, { ...options, buckets: 24 }),
      ),
      poolLatency: queryPoolCheckDurations(db, 'p1', range, options),
      backend: queryBackendHistory(db, backend, range, options),
      uptime: queryUptime(db, range, { buckets: 24 }),
    };
  });
}

const RANGES = {
  'the whole four hours': { from: T0, to: END + MINUTE },
  'from and to inside runs': { from: T0 + 37.5 * MINUTE, to: T0 + 142.25 * MINUTE },
  'across midnight': { from: T0 + 110 * MINUTE, to: T0 + 130 * MINUTE },
  'hours before the first poll and after': { from: T0 - 3 * HOUR, to: END + HOUR },
};

describe('rollups stored as runs read as one row per bucket did', () => {
  test('a quiet server keeps a row per hour and per change of coverage; every reader answers as before', async () => {
    const { runs, dense } = await recordBoth();
    // Minutes from T0: a run per hour, cut by the failed polls (95 partly covered, 96 not at all).
    expect(storedRuns(runs, 'rollup_minute', 'quiet')).toEqual([
      [0, 60],
      [60, 35],
      [95, 1],
      [97, 23],
      [120, 60],
      [180, 60],
    ]);
    expect(storedRuns(dense, 'rollup_minute', 'quiet')).toHaveLength(239);
    // Hours: 22:00 whole, 23:00 missing 105 s, then 00:00 and 01:00 alike in a run of the next day.
    expect(storedRuns(runs, 'rollup_hour', 'quiet')).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
    ]);
    // busy and the backend change every 4.5 minutes: about a row per 3 minutes.
    expect(countRuns(runs, 'rollup_minute')).toBeLessThan(count(dense, 'rollup_minute') / 3);
    expect(countRuns(runs, 'backend_rollup_minute')).toBeLessThan(count(dense, 'backend_rollup_minute') / 2);
    // The day before midnight is packed, a row per server (hours are rolled past 01:00); the one after is not.
    expect(count(runs, 'rollup_minute_blocks')).toBe(4);
    expect(count(runs, 'rollup_hour_blocks')).toBe(4);
    expect(count(runs, 'backend_rollup_minute_blocks')).toBe(1);
    // Raw samples: a block per series per 10 minutes packed, the rows of the last (unfinished) blocks left.
    expect(count(runs, 'sample_blocks')).toBe(3 * 24 + 8); // leaver: until 70:30
    expect(count(runs, 'backend_sample_blocks')).toBe(24);
    expect(count(runs, 'samples')).toBeLessThan(count(dense, 'samples') / 10);

    for (const [name, range] of Object.entries(RANGES))
      expect(answers(runs, range), name).toEqual(answers(dense, range));

    const quiet = findServer(runs, 'eu', 'web', 'quiet')!;
    const minutes = loadSamples(runs, quiet.id, { from: T0, to: END }, 'minute');
    expect(minutes).toHaveLength(239);
    expect(minutes[96]).toMatchObject({
      at: T0 + 97 * MINUTE,
      status: 'UP',
      checkDurationMs: 10,
      sessions: 0,
    });
    expect(minutes[95]!.rollup).toMatchObject({ upSec: 15, noDataSec: 45 });

    // flappy: minute 50 half down, 51–52 down (one row), 53 up again (a new row: it does not follow 0–49).
    expect(storedRuns(runs, 'rollup_minute', 'flappy').slice(0, 4)).toEqual([
      [0, 50],
      [50, 1],
      [51, 2],
      [53, 7],
    ]);
    const flappy = findServer(runs, 'eu', 'web', 'flappy')!;
    const outage = loadSamples(runs, flappy.id, { from: T0 + 49 * MINUTE, to: T0 + 55 * MINUTE }, 'minute');
    expect(outage.map((m) => [m.status, m.checkDurationMs, m.rollup!.upSec, m.rollup!.downSec])).toEqual([
      ['UP', 10, 60, 0],
      ['DOWN', 20, 30, 30],
      ['DOWN', 30, 0, 60],
      ['DOWN', 30, 0, 60],
      ['UP', 10, 60, 0],
      ['UP', 10, 60, 0],
    ]);
    runs.close();
    dense.close();
  });

  test('polls written late roll up again: a minute rolled while they waited is replaced, runs grow over it', async () => {
    // Held from 80:30 to 100:00: minute 80 was rolled half covered before they came.
    const { runs, dense } = await recordBoth(false, { from: T0 + 80.5 * MINUTE, to: T0 + 100 * MINUTE });
    expect(storedRuns(runs, 'rollup_minute', 'quiet').slice(0, 3)).toEqual([
      [0, 60],
      [60, 35],
      [95, 1],
    ]);
    for (const [name, range] of Object.entries(RANGES))
      expect(answers(runs, range), name).toEqual(answers(dense, range));
    runs.close();
    dense.close();
  });

  test('a minute inside a run rolled again with other figures cuts the run there', async () => {
    const { runs, dense } = await recordBoth();
    // quiet had 7 sessions from 30:10 to 30:20 (a late sample): minute 30 now differs from the run 0–59. The runs
    // database has packed that time into a block already (raw-samples.ts): the late rows are written over it.
    const denseId = findServer(dense, 'eu', 'web', 'quiet')!.id;
    const held = dense
      .prepare('SELECT * FROM samples WHERE server_id = ? AND at <= ? ORDER BY at DESC LIMIT 1')
      .get(denseId, T0 + 30 * MINUTE + 10_000) as Record<string, number | null>;
    for (const db of [runs, dense]) {
      const id = findServer(db, 'eu', 'web', 'quiet')!.id;
      const copy = db.prepare(
        `INSERT INTO samples (${Object.keys(held).join(', ')}) VALUES (${Object.keys(held).map((k) => `@${k}`)})`,
      );
      copy.run({ ...held, server_id: id, at: T0 + 30 * MINUTE + 10_000, sessions: 7 });
      copy.run({ ...held, server_id: id, at: T0 + 30 * MINUTE + 20_000, sessions: 0 });
    }
    rewindRollups(runs, T0 + 30 * MINUTE + 10_000);
    runMaintenance(runs, NOW, KEEP);
    for (const table of ['rollup_minute', 'rollup_hour', 'backend_rollup_minute', 'backend_rollup_hour'])
      dense.exec(`DELETE FROM ${table}`);
    rollDense(dense, Number(readMeta(runs, META_MINUTES_ROLLED)), Number(readMeta(runs, META_HOURS_ROLLED)));
    expect(storedRuns(runs, 'rollup_minute', 'quiet').slice(0, 3)).toEqual([
      [0, 30],
      [30, 1],
      [31, 29],
    ]);
    for (const [name, range] of Object.entries(RANGES))
      expect(answers(runs, range), name).toEqual(answers(dense, range));
    runs.close();
    dense.close();
  });

  test('retention cuts a run at the edge: what is kept reads as before, what is older is gone', async () => {
    const { runs, dense } = await recordBoth();
    // Minutes kept from 00:30 (inside the quiet server's 00:00 run), hours from 01:00 (inside 00:00–02:00).
    const retention = {
      rawHours: 48,
      minuteDays: (NOW - (T0 + 150.5 * MINUTE)) / DAY,
      hourDays: (NOW - (T0 + 3 * HOUR + 30_000)) / DAY,
    };
    for (const step of prune(runs, NOW, retention)) void step;
    pruneDense(dense, NOW, retention);
    expect(storedRuns(runs, 'rollup_minute', 'quiet')).toEqual([
      [150, 30],
      [180, 60],
    ]);
    expect(storedRuns(runs, 'rollup_hour', 'quiet')).toEqual([[3, 1]]);

    const quiet = findServer(runs, 'eu', 'web', 'quiet')!;
    const edge = loadSamples(runs, quiet.id, { from: T0 + 140 * MINUTE, to: T0 + 160 * MINUTE }, 'minute');
    expect(edge.map((s) => (s.at - T0) / MINUTE)).toEqual([150, 151, 152, 153, 154, 155, 156, 157, 158, 159]);
    for (const [name, range] of Object.entries(RANGES))
      expect(answers(runs, range), name).toEqual(answers(dense, range));
    runs.close();
    dense.close();
  });
});

describe('figures jittering within the tolerance', () => {
  /** The samples without their check durations, which may differ within the tolerance. */
  const rest = (samples: HistorySample[]) =>
    samples.map(({ checkDurationMs, rollup, ...sample }) => ({
      ...sample,
      rollup: rollup && { ...rollup, checkDurationMaxMs: null },
      known: checkDurationMs !== null,
    }));
  const largestGap = (a: HistorySample[], b: HistorySample[]) =>
    Math.max(
      ...a.flatMap((s, i) => [
        Math.abs(s.checkDurationMs! - b[i]!.checkDurationMs!),
        Math.abs(s.rollup!.checkDurationMaxMs! - b[i]!.rollup!.checkDurationMaxMs!),
      ]),
    );

  test('check durations 0–2 ms apart are one run; a minute reads within 2 ms of its own, an hour within 4', async () => {
    const { runs, dense } = await recordBoth(true);
    expect(storedRuns(runs, 'rollup_minute', 'quiet')).toHaveLength(6);
    for (const name of SERVERS) {
      const id = findServer(runs, 'eu', 'web', name)!.id;
      for (const [resolution, tolerance] of [
        ['minute', 2],
        ['hour', 4],
      ] as const) {
        const range = resolution === 'minute' ? { from: T0, to: END } : { from: T0 - DAY, to: END };
        const [a, b] = [runs, dense].map((db) => loadSamples(db, id, range, resolution));
        expect(rest(a!), `${name} ${resolution}`).toEqual(rest(b!));
        expect(largestGap(a!, b!), `${name} ${resolution}`).toBeLessThanOrEqual(tolerance);
      }
    }
    runs.close();
    dense.close();
  });
});
