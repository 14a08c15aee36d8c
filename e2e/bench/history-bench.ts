/**
 * History store: poll ingest (2,000 and 20,000 servers), the 30-day uptime query for 2,000 servers, a 7-day
 * history query for one server, and the database size per 1,000 servers per day under two churns.
 * Run: npx tsx e2e/bench/history-bench.ts
 *
 * Churn (ingest and size), per 2 s poll. "redrawn" (ingest, and the size figures before issue 14): a random 10 %
 * of servers get new sessions/rate, bytes rates and response times (one in 20 of those also answers some 5xx), so
 * every server's traffic changes about every 20 s. "steady": the servers of every tenth backend carry traffic that
 * changes every poll, the others are idle. Both: check durations jitter 1–3 ms (under the 2 ms / 10 % write
 * threshold); one server-poll in 5,000 flips UP/DOWN. Each backend's own row sums its servers'. Samples (servers'
 * and backends') are written on change or as a 30 s heartbeat; rollups as the app makes them, every minute.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import type { Backend, Server } from '@/lib/health/types';
import { historyDbPath, openHistoryDb, writeMeta, type HistoryDb } from '@/lib/store/db';
import { queryServerHistory } from '@/lib/store/history-query';
import { HistoryWriter } from '@/lib/store/history-writer';
import { runMaintenance } from '@/lib/store/maintenance';
import { DEFAULT_RETENTION } from '@/lib/store/retention';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from '@/lib/store/rollup';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { findServer } from '@/lib/store/timelines';
import { queryUptime } from '@/lib/store/uptime-query';
import { fmt, median, printTable } from './measure';

const POLL_MS = 2000;
const PER_BACKEND = 10;
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers: the bench gives the same figures run to run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function topology(servers: number): Backend[] {
  const backends: Backend[] = [];
  for (let b = 0; b < servers / PER_BACKEND; b++) {
    const list = Array.from({ length: PER_BACKEND }, (_, i) =>
      syntheticServer(`srv${i}`, { backup: i === PER_BACKEND - 1, lastChangeSec: 3600 }),
    );
    backends.push(syntheticBackend('bench', `be${b}`, list));
  }
  return backends;
}

type Churn = 'redrawn' | 'steady';

/** Moves the servers one poll on, in place, per the churn (see the header); each backend's row follows its servers. */
function churn(backends: Backend[], next: () => number, model: Churn = 'redrawn'): void {
  backends.forEach((backend, index) => {
    const busy = model === 'steady' && index % 10 === 0;
    for (const s of backend.servers) {
      s.lastChangeSec = (s.lastChangeSec ?? 0) + 2;
      s.check.durationMs = 1 + Math.floor(next() * 3);
      if (model === 'redrawn' ? next() < 0.1 : busy) {
        s.sessions.current = Math.floor(next() * 50);
        s.sessionRate.current = Math.floor(next() * 20);
        s.sessions.total += s.sessionRate.current * 2;
        s.rates.bytesIn = Math.round(s.sessionRate.current * (500 + next() * 500));
        s.rates.bytesOut = Math.round(s.sessionRate.current * (10_000 + next() * 20_000));
        s.rates.http5xx = next() < 0.05 ? 0.5 : 0;
        s.times.responseMs = 20 + Math.floor(next() * 200);
        s.times.totalMs = s.times.responseMs + Math.floor(next() * 50);
      }
      if (next() < 0.0002) flip(s);
    }
    sumServers(backend);
  });
}

/** An idle server as HAProxy shows it: no sessions, every rate and time 0. */
function idle(s: Server): void {
  s.rates = { ...s.rates, http5xx: 0, connectionErrors: 0, responseErrors: 0, bytesIn: 0, bytesOut: 0 };
  s.times = { queueMs: 0, connectMs: 0, responseMs: 0, totalMs: 0 };
}

function sumServers(backend: Backend): void {
  const sum = (pick: (s: Server) => number | null) => backend.servers.reduce((n, s) => n + (pick(s) ?? 0), 0);
  backend.sessions.current = sum((s) => s.sessions.current);
  backend.sessionRate.current = sum((s) => s.sessionRate.current);
  backend.rates.bytesIn = sum((s) => s.rates.bytesIn);
  backend.rates.bytesOut = sum((s) => s.rates.bytesOut);
  backend.rates.http5xx = sum((s) => s.rates.http5xx);
  backend.times.responseMs = Math.round(sum((s) => s.times.responseMs) / backend.servers.length);
  backend.times.totalMs = Math.round(sum((s) => s.times.totalMs) / backend.servers.length);
}

function flip(s: Server): void {
  const down = s.status !== 'DOWN';
  s.status = down ? 'DOWN' : 'UP';
  s.statusText = s.status;
  s.lastChangeSec = 1;
  if (down) s.checkDowns += 1;
  s.check.status = down ? 'L7STS' : 'L7OK';
}

function tempDb(): { db: HistoryDb; dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-'));
  const file = historyDbPath(dir);
  return { db: openHistoryDb(file), dir, file };
}

function benchIngest(servers: number, polls = 25): Record<string, string | number> {
  const { db, dir } = tempDb();
  const recorder = new HistoryRecorder(new HistoryWriter(db), POLL_MS);
  const backends = topology(servers);
  const next = random(servers);
  const start = Date.now() - polls * POLL_MS - 60_000;
  const t0 = performance.now();
  recorder.record({ instance: 'bench', at: start, ok: true, backends, info: null });
  const firstMs = performance.now() - t0;
  const count = (table: string) =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const sampleCount = () => count('samples');
  const before = sampleCount();
  const backendsBefore = count('backend_samples');
  const times: number[] = [];
  for (let i = 1; i <= polls; i++) {
    churn(backends, next);
    const t = performance.now();
    recorder.record({ instance: 'bench', at: start + i * POLL_MS, ok: true, backends, info: null });
    times.push(performance.now() - t);
  }
  const written = (sampleCount() - before) / polls;
  const backendsWritten = (count('backend_samples') - backendsBefore) / polls;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    servers,
    'first poll ms': fmt(firstMs),
    'median ms/poll': fmt(median(times)),
    'max ms/poll': fmt(Math.max(...times)),
    'samples written/poll': Math.round(written),
    'backend samples/poll': Math.round(backendsWritten),
  };
}

/** 30 days for 2,000 servers written directly: daily coverage with a 5-minute gap, flaps, an outage a week. */
function generateMonth(db: HistoryDb, servers: number, now: number): void {
  const from = now - 30 * DAY;
  const next = random(42);
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
        `be${Math.floor((id - 1) / PER_BACKEND)}`,
        `srv${(id - 1) % PER_BACKEND}`,
        id % PER_BACKEND === 0 ? 1 : 0,
        from,
      );
      const flaps = Math.floor(next() * 20);
      for (let f = 0; f < flaps; f++) {
        const at = from + Math.floor(next() * 30 * DAY);
        change.run(id, at, 0, 1, 'L7STS', 503, 'Layer7 wrong status');
        change.run(id, at + 5_000 + Math.floor(next() * 600_000), 1, 0, 'L7OK', 200, 'Layer7 check passed');
      }
      for (let h = Math.floor(from / 3_600_000); h < Math.floor(now / 3_600_000); h++) {
        const sessions = Math.round(next() * 20);
        hour.run(id, h, 3_590_000, 10_000, 0, 5, sessions, sessions * 2, sessions / 2, sessions);
      }
    }
  })();
  writeMeta(db, META_HOURS_ROLLED, String(Math.floor(now / 3_600_000)));
  writeMeta(db, META_MINUTES_ROLLED, String(Math.floor(now / 60_000)));
}

function benchQueries(): Record<string, string | number>[] {
  const { db, dir } = tempDb();
  const now = Date.now();
  const servers = 2_000;
  generateMonth(db, servers, now);
  const time = (runs: number, work: () => void) => {
    work();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      work();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const uptimeMs = time(5, () => void queryUptime(db, { from: now - 30 * DAY, to: now }));
  const uptimeBarsMs = time(
    5,
    () => void queryUptime(db, { from: now - 30 * DAY, to: now }, { buckets: 90 }),
  );
  const one = findServer(db, 'bench', 'be7', 'srv3')!;
  const options = { now, retention: DEFAULT_RETENTION, buckets: 90 };
  const historyMs = time(
    20,
    () => void queryServerHistory(db, one, { from: now - 7 * DAY, to: now }, options),
  );
  const points = queryServerHistory(db, one, { from: now - 7 * DAY, to: now }, options).samples.length;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return [
    { query: `uptime, ${servers} servers, 30 days`, 'median ms': fmt(uptimeMs), target: '< 300' },
    {
      query: `uptime + 90-bucket bars, ${servers} servers, 30 days`,
      'median ms': fmt(uptimeBarsMs),
      target: '-',
    },
    { query: `history, 1 server, 7 days (${points} points)`, 'median ms': fmt(historyMs), target: '< 50' },
  ];
}

/** The tables of each figure; servers' per 1,000 servers, backends' per 100 backends (theirs). */
const TABLES = {
  raw: ['samples'],
  minutes: ['rollup_minute'],
  hours: ['rollup_hour'],
  transitions: ['transitions', 'transitions_by_server', 'transitions_by_time'],
  backendRaw: ['backend_samples'],
  backendMinutes: ['backend_rollup_minute'],
  backendHours: ['backend_rollup_hour'],
} as const;
type Figure = keyof typeof TABLES | 'total' | 'steady' | 'file';
const LABELS: Record<Figure, string> = {
  raw: 'raw samples (MB / 1,000 servers / day)',
  minutes: 'minute rollups (MB / 1,000 servers / day)',
  hours: 'hour rollups (MB / 1,000 servers / day)',
  transitions: 'transitions + indexes (MB / 1,000 servers / day)',
  backendRaw: 'backend samples, 100 backends (MB / day)',
  backendMinutes: 'backend minute rollups, 100 backends (MB / day)',
  backendHours: 'backend hour rollups, 100 backends (MB / day)',
  total: 'total written per day (MB / 1,000 servers)',
  steady: 'steady state, 48 h / 30 d / 365 d retention (MB / 1,000 servers)',
  file: 'file after the day, 200 servers (MB)',
};

/**
 * Measured before issue 14 (one rollup row per bucket) with this bench on the code of 9b76bdf: the same day, the
 * same churns, maintenance every minute.
 */
const SIZE_SERVERS = 200;

const BEFORE: Record<Churn, Record<Figure, number>> = {
  redrawn: {
    raw: 256.2,
    minutes: 116.5,
    hours: 2.2,
    transitions: 0.9,
    backendRaw: 109.4,
    backendMinutes: 10.9,
    backendHours: 0.2,
    total: 496.3,
    steady: 5751.0,
    file: 99.4,
  },
  steady: {
    raw: 288.2,
    minutes: 74.5,
    hours: 1.2,
    transitions: 0.8,
    backendRaw: 23.2,
    backendMinutes: 5.4,
    backendHours: 0.1,
    total: 393.4,
    steady: 3803.9,
    file: 78.8,
  },
};

/**
 * A day (from midnight UTC, so hours roll as they do in a day) of 2 s polls for 200 servers in 20 backends,
 * maintenance every minute as the app runs it; sizes scaled to 1,000 servers (100 backends). Steady state: raw
 * samples for 2 days, minutes for 30, hours and transitions for 365.
 */
function benchSize(model: Churn): Record<string, string | number>[] {
  const { db, dir, file } = tempDb();
  const recorder = new HistoryRecorder(new HistoryWriter(db), POLL_MS);
  const backends = topology(SIZE_SERVERS);
  if (model === 'steady') for (const backend of backends) backend.servers.forEach(idle);
  const next = random(1);
  const start = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
  const keepRaw = { ...DEFAULT_RETENTION, rawHours: 24 * 365 };
  for (let at = start; at < start + DAY; at += POLL_MS) {
    churn(backends, next, model);
    recorder.record({ instance: 'bench', at, ok: true, backends, info: null });
    if (at % 60_000 === 0) runMaintenance(db, at, keepRaw);
  }
  runMaintenance(db, start + DAY + 3 * 60_000, keepRaw);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pages = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as {
    name: string;
    bytes: number;
  }[];
  const bytes = new Map(pages.map((r) => [r.name, r.bytes]));
  const mb = (tables: readonly string[]) =>
    (tables.reduce((n, t) => n + (bytes.get(t) ?? 0), 0) * (1_000 / SIZE_SERVERS)) / 1024 / 1024;
  const day = Object.fromEntries(Object.entries(TABLES).map(([key, tables]) => [key, mb(tables)])) as Record<
    keyof typeof TABLES,
    number
  >;
  const figures: Record<Figure, number> = {
    ...day,
    total: Object.values(day).reduce((a, b) => a + b, 0),
    steady:
      (day.raw + day.backendRaw) * 2 +
      (day.minutes + day.backendMinutes) * 30 +
      (day.hours + day.backendHours + day.transitions) * 365,
    file: statSync(file).size / 1024 / 1024,
  };
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const before = BEFORE[model];
  return (Object.keys(LABELS) as Figure[]).map((key) => ({
    what: LABELS[key],
    'before (one row per bucket)': fmt(before[key]),
    now: fmt(figures[key]),
  }));
}

export async function runHistoryBench(): Promise<void> {
  printTable('History ingest: one poll (target < 25 ms for 2,000 servers)', [
    benchIngest(2_000),
    benchIngest(20_000),
  ]);
  printTable('History queries', benchQueries());
  for (const model of ['redrawn', 'steady'] as const)
    printTable(
      `History database size, ${model} churn (see the header of e2e/bench/history-bench.ts)`,
      benchSize(model),
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void runHistoryBench();
}
