/**
 * History store: poll ingest (2,000 and 20,000 servers), the 30-day uptime query for 2,000 servers, a 7-day
 * history query for one server, and the database size per 1,000 servers per day under two churns.
 * Run: npx tsx --conditions=react-server e2e/bench/history-bench.ts
 *
 * Churn (ingest and size), per 2 s poll. "redrawn" (ingest, and the size figures before issue 14): a random 10 %
 * of servers get new sessions/rate, bytes rates and response times (one in 20 of those also answers some 5xx), so
 * every server's traffic changes about every 20 s. "steady": the servers of every tenth backend carry traffic that
 * changes every poll, the others are idle. Both: check durations jitter 1–3 ms (under the 2 ms / 10 % write
 * threshold); one server-poll in 5,000 flips UP/DOWN. Each backend's own row sums its servers'. Samples (servers'
 * and backends') are written on change or as a 30 s heartbeat; rollups as the app makes them, every minute, and a
 * last maintenance an hour past the day's end packs it as it stays (lib/store/raw-samples.ts, packed-runs.ts).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import type { Backend, Server } from '@/lib/health/types';
import { DEFAULT_RETENTION, openStore, type Store } from '@/lib/store';
import { countRows, generateMonth } from '@/lib/store/bench-fixture';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { fmt, median, printTable } from './measure';

export const POLL_MS = 2000;
const PER_BACKEND = 10;
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers: the bench gives the same figures run to run. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function topology(servers: number): Backend[] {
  const backends: Backend[] = [];
  for (let b = 0; b < servers / PER_BACKEND; b++) {
    const list = Array.from({ length: PER_BACKEND }, (_, i) =>
      syntheticServer(`srv${i}`, { backup: i === PER_BACKEND - 1, lastChangeSec: 3600 }),
    );
    backends.push(syntheticBackend('bench', `be${b}`, list));
  }
  return backends;
}

export type Churn = 'redrawn' | 'steady';

/** Moves the servers one poll on, in place, per the churn (see the header); each backend's row follows its servers. */
export function churn(backends: Backend[], next: () => number, model: Churn = 'redrawn'): void {
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

/** A store on a fresh database for one bench, and how to get rid of it. */
export interface BenchStore {
  store: Store;
  /** The database's size on disk, all of it. */
  bytes(): Promise<number>;
  /** Before the tables are measured: PostgreSQL's dead rows, which autovacuum lets it reuse, are compacted away. */
  settle?(): Promise<void>;
  dispose(): Promise<void>;
}

/** A SQLite store in a fresh directory, opened; maintenance runs only when the bench says (at its own times). */
export async function tempStore(): Promise<BenchStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-'));
  const store = openStore(dir, DEFAULT_RETENTION, Date.now, { maintain: false });
  await store.recording.openForWrites();
  return {
    store,
    bytes: async () => statSync(store.file).size,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function benchIngest(servers: number, polls = 25): Promise<Record<string, string | number>> {
  const temp = await tempStore();
  const { store } = temp;
  const recorder = new HistoryRecorder(store.recording, POLL_MS);
  const backends = topology(servers);
  const next = random(servers);
  const start = Date.now() - polls * POLL_MS - 60_000;
  const t0 = performance.now();
  await recorder.record({ instance: 'bench', at: start, ok: true, backends, info: null });
  const firstMs = performance.now() - t0;
  const count = (table: string) => countRows(store, table);
  const sampleCount = () => count('samples');
  const before = sampleCount();
  const backendsBefore = count('backend_samples');
  const times: number[] = [];
  for (let i = 1; i <= polls; i++) {
    churn(backends, next);
    const t = performance.now();
    await recorder.record({ instance: 'bench', at: start + i * POLL_MS, ok: true, backends, info: null });
    times.push(performance.now() - t);
  }
  const written = (sampleCount() - before) / polls;
  const backendsWritten = (count('backend_samples') - backendsBefore) / polls;
  await temp.dispose();
  return {
    servers,
    'first poll ms': fmt(firstMs),
    'median ms/poll': fmt(median(times)),
    'max ms/poll': fmt(Math.max(...times)),
    'samples written/poll': Math.round(written),
    'backend samples/poll': Math.round(backendsWritten),
  };
}

/** 30 days for 2,000 servers written directly: daily coverage with a 5-minute gap, flaps, hour rollups. */
async function benchQueries(): Promise<Record<string, string | number>[]> {
  const temp = await tempStore();
  const { history } = temp.store;
  const now = Date.now();
  const servers = 2_000;
  generateMonth(temp.store, servers, now, random(42));
  const time = async (runs: number, work: () => Promise<unknown>) => {
    await work();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await work();
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const month = { from: now - 30 * DAY, to: now };
  const uptimeMs = await time(5, () => history.uptime(month));
  const uptimeBarsMs = await time(5, () => history.uptime(month, 90));
  const one = { instance: 'bench', backend: 'be7', server: 'srv3' };
  const week = { from: now - 7 * DAY, to: now };
  const historyMs = await time(20, () => history.serverHistory(one, week, 90));
  const points = (await history.serverHistory(one, week, 90))!.samples.length;
  await temp.dispose();
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

/** The tables of each figure, rows and packed; servers' per 1,000 servers, backends' per 100 backends (theirs). */
const TABLES = {
  raw: ['samples', 'sample_blocks'],
  minutes: ['rollup_minute', 'rollup_minute_blocks'],
  hours: ['rollup_hour', 'rollup_hour_blocks'],
  transitions: ['transitions', 'transitions_by_server', 'transitions_by_time'],
  backendRaw: ['backend_samples', 'backend_sample_blocks'],
  backendMinutes: ['backend_rollup_minute', 'backend_rollup_minute_blocks'],
  backendHours: ['backend_rollup_hour', 'backend_rollup_hour_blocks'],
} as const;
export type Figure = keyof typeof TABLES | 'total' | 'steady' | 'file';
export const LABELS: Record<Figure, string> = {
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
 * Measured with this bench on the code of cb1968d, before raw samples and rollup days were packed (schema 6: one
 * row per raw sample, one per rollup run), the final maintenance 3 minutes after the day.
 */
export const BEFORE_PACKING: Record<Churn, Record<Figure, number>> = {
  redrawn: {
    raw: 256.2,
    minutes: 118.3,
    hours: 2.2,
    transitions: 0.9,
    backendRaw: 109.4,
    backendMinutes: 11.3,
    backendHours: 0.2,
    total: 498.6,
    steady: 5817.8,
    file: 99.8,
  },
  steady: {
    raw: 288.2,
    minutes: 15.2,
    hours: 0.8,
    transitions: 0.8,
    backendRaw: 23.2,
    backendMinutes: 1.2,
    backendHours: 0.1,
    total: 329.5,
    steady: 1742.8,
    file: 66.0,
  },
};
/** The same for the queries (median ms), in benchQueries' order. */
const QUERIES_BEFORE_PACKING = [201.1, 242.3, 2.2];

/**
 * A day (from midnight UTC, so hours roll as they do in a day) of 2 s polls for 200 servers in 20 backends,
 * maintenance every minute as the app runs it; sizes scaled to 1,000 servers (100 backends). Steady state: raw
 * samples for 2 days, minutes for 30, hours and transitions for 365.
 */
export async function measureSize(
  model: Churn,
  open: () => Promise<BenchStore> = tempStore,
): Promise<Record<Figure, number>> {
  const temp = await open();
  const { store } = temp;
  const recorder = new HistoryRecorder(store.recording, POLL_MS);
  const backends = topology(SIZE_SERVERS);
  if (model === 'steady') for (const backend of backends) backend.servers.forEach(idle);
  const next = random(1);
  const start = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
  const keepRaw = { ...DEFAULT_RETENTION, rawHours: 24 * 365 };
  for (let at = start; at < start + DAY; at += POLL_MS) {
    churn(backends, next, model);
    await recorder.record({ instance: 'bench', at, ok: true, backends, info: null });
    if (at % 60_000 === 0) await store.maintenance.runNow(at, keepRaw);
  }
  // An hour past the day's end: its raw samples and rollup runs are packed as they will stay (packed-runs.ts).
  await store.maintenance.runNow(start + DAY + 65 * 60_000, keepRaw);
  const fileBytes = await temp.bytes();
  await temp.settle?.();
  const bytes = await store.maintenance.tableBytes();
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
    file: fileBytes / 1024 / 1024,
  };
  await temp.dispose();
  return figures;
}

async function benchSize(model: Churn): Promise<Record<string, string | number>[]> {
  const figures = await measureSize(model);
  const before = BEFORE[model];
  return (Object.keys(LABELS) as Figure[]).map((key) => ({
    what: LABELS[key],
    'before (one row per bucket)': fmt(before[key]),
    'before packing (cb1968d)': fmt(BEFORE_PACKING[model][key]),
    now: fmt(figures[key]),
  }));
}

export async function runHistoryBench(): Promise<void> {
  printTable('History ingest: one poll (target < 25 ms for 2,000 servers)', [
    await benchIngest(2_000),
    await benchIngest(20_000),
  ]);
  printTable(
    'History queries',
    (await benchQueries()).map((row, i) => ({
      ...row,
      'before packing (cb1968d)': fmt(QUERIES_BEFORE_PACKING[i]!),
    })),
  );
  for (const model of ['redrawn', 'steady'] as const)
    printTable(
      `History database size, ${model} churn (see the header of e2e/bench/history-bench.ts)`,
      await benchSize(model),
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  void runHistoryBench();
}
