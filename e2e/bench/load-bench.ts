/**
 * Load while polling: the app polls a 10,000-server stats CSV every 2 s while 100 clients (keep-alive, no pause
 * between requests, accepting gzip as a browser does) ask for a mix of endpoints for 60 s. Prints requests and errors (non-2xx, socket errors and
 * 30 s timeouts: must be 0), polls late by more than one interval (must be 0), the app's RSS before and after, and
 * p50/p95 per endpoint. Figures only; errors, late or failed polls make `npm run bench` exit non-zero.
 * Needs a production build. Run: npx tsx e2e/bench/load-bench.ts [seconds] [servers]
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import {
  closeServer,
  requireBuild,
  rssMb,
  serveCsv,
  startApp,
  stopApp,
  waitForServers,
  type BenchApp,
} from './app';
import { badgePaths } from './badge-bench';
import { generateStatsCsv, mulberry32 } from './generate-stats-csv';
import { fmt, printTable } from './measure';
import type { BenchOutcome } from './outcome';
import { samplePolls, type PollWatch } from './poll-watch';

const CSV_PORT = 18820;
const APP_PORT = 18821;
const CLIENTS = 100;
const POLL_INTERVAL_MS = 2_000;
const REQUEST_TIMEOUT_MS = 30_000;
const SETTLE_MS = 10_000;

/** Endpoint → its weight in the mix (out of 20) and the paths it cycles through. */
type Mix = Record<string, { weight: number; paths: string[] }>;

interface EndpointFigures {
  times: number[];
  /** The slowest request's start, in seconds after the load began: a stall shows when it happened. */
  slowest: { ms: number; atSec: number };
  errors: number;
  firstError: string | null;
}

export async function runLoadBench({ seconds = 60, servers = 10_000 } = {}): Promise<BenchOutcome> {
  requireBuild('load bench');
  const csv = generateStatsCsv({ backends: servers / 10, serversPerBackend: 10, seed: 11 });
  const fetches: number[] = [];
  const csvServer = await serveCsv(
    CSV_PORT,
    () => csv,
    (at) => fetches.push(at),
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  let app: BenchApp | undefined;
  try {
    app = startApp({
      port: APP_PORT,
      csvPort: CSV_PORT,
      env: { AUTH_MODE: 'none', POLL_INTERVAL_MS: String(POLL_INTERVAL_MS) },
    });
    const mix = toMix(await waitForServers(app, servers));
    for (const { paths } of Object.values(mix)) await request(agent, paths[0]!); // load every route once
    const rssBefore = rssMb(app.pid);
    const watch = samplePolls(app);
    const started = Date.now();
    const figures = await drive(agent, mix, started + seconds * 1_000);
    const ended = Date.now();
    const polls = await watch.stop(fetches, started, ended, POLL_INTERVAL_MS);
    const rssAfter = rssMb(app.pid);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssSettled = rssMb(app.pid);
    return report({
      seconds: (ended - started) / 1_000,
      servers,
      figures,
      polls,
      rss: [rssBefore, polls.rssPeakMb, rssAfter, rssSettled],
      appErrors: errorLines(app.logFile),
    });
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
}

/** Per 20 requests: the heavy reads (whole snapshot, uptime of every server) seldom, badges most. */
function toMix(backends: Awaited<ReturnType<typeof waitForServers>>): Mix {
  const histories = Array.from({ length: 200 }, (_, i) => {
    const backend = backends[Math.floor((i * backends.length) / 200)]!;
    const server = backend.servers[i % backend.servers.length]!;
    const parts = [backend.instance, backend.name, server.name].map(encodeURIComponent).join('/');
    return `/api/v1/servers/${parts}/history?range=1h`;
  });
  return {
    snapshot: { weight: 1, paths: ['/api/v1/snapshot'] },
    'uptime 24h': { weight: 1, paths: ['/api/v1/uptime?range=24h'] },
    pools: { weight: 2, paths: ['/api/v1/pools'] },
    alerts: { weight: 3, paths: ['/api/v1/alerts'] },
    events: { weight: 3, paths: ['/api/v1/events?limit=100'] },
    'server history 1h': { weight: 3, paths: histories },
    badges: { weight: 5, paths: badgePaths(backends) },
    health: { weight: 2, paths: ['/api/v1/health'] },
  };
}

/** CLIENTS workers, each sending its next request as soon as the last one is answered, until `until`. */
async function drive(agent: http.Agent, mix: Mix, until: number): Promise<Map<string, EndpointFigures>> {
  const order = shuffle(
    Object.entries(mix).flatMap(([name, { weight }]) => Array<string>(weight).fill(name)),
  );
  const figures = new Map(
    Object.keys(mix).map((name) => [
      name,
      { times: [], slowest: { ms: 0, atSec: 0 }, errors: 0, firstError: null },
    ]),
  );
  let next = 0;
  const began = Date.now();
  const client = async () => {
    while (Date.now() < until) {
      const n = next++;
      const name = order[n % order.length]!;
      const { paths } = mix[name]!;
      const path = paths[Math.floor(n / order.length) % paths.length]!;
      const into: EndpointFigures = figures.get(name)!;
      const start = performance.now();
      const error = await request(agent, path).then(
        (status) => (status >= 200 && status < 300 ? null : `${path}: HTTP ${status}`),
        (cause: Error) => `${path}: ${cause.message}`,
      );
      const ms = performance.now() - start;
      into.times.push(ms);
      if (ms > into.slowest.ms) into.slowest = { ms, atSec: (Date.now() - ms - began) / 1000 };
      if (error) {
        into.errors++;
        into.firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return figures;
}

/** Fisher–Yates with a fixed seed: the same order of endpoints on every run. */
function shuffle<T>(items: T[]): T[] {
  const random = mulberry32(12);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function request(agent: http.Agent, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // As a browser asks (the body itself is not decoded: only its arrival is timed).
    const headers = { 'accept-encoding': 'gzip, deflate, br' };
    const req = http.get({ host: '127.0.0.1', port: APP_PORT, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
  });
}

/** What the app logged as an error or a failure meanwhile: shown, not counted (the log is the app's own words). */
function errorLines(logFile: string): string[] {
  return readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => /error|fail/i.test(line));
}

interface Report {
  seconds: number;
  servers: number;
  figures: Map<string, EndpointFigures>;
  polls: PollWatch;
  /** Before the load, peak during it, at its end, SETTLE_MS later. */
  rss: [number, number, number, number];
  appErrors: string[];
}

function report({ seconds, servers, figures, polls, rss, appErrors }: Report): BenchOutcome {
  const rows = [...figures].map(([endpoint, { times, slowest, errors }]) => {
    const sorted = times.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    return {
      endpoint,
      requests: sorted.length,
      errors,
      'p50 ms': fmt(at(0.5)),
      'p95 ms': fmt(at(0.95)),
      'max ms': fmt(sorted.at(-1) ?? NaN),
      'max at s': fmt(slowest.atSec, 1),
    };
  });
  const requests = rows.reduce((n, row) => n + row.requests, 0);
  const errors = rows.reduce((n, row) => n + row.errors, 0);
  const firstError = [...figures.values()].find((f) => f.firstError)?.firstError;
  printTable(
    `Load while polling: ${CLIENTS} clients for ${fmt(seconds, 0)} s, ${servers.toLocaleString('en')} servers polled every ${POLL_INTERVAL_MS / 1000} s`,
    rows,
  );
  const [before, peak, after, settled] = rss.map((mb) => fmt(mb, 0));
  console.log(`  requests ${requests} (${fmt(requests / seconds, 0)}/s), errors ${errors} (must be 0)`);
  if (firstError) console.log(`    first error: ${firstError}`);
  console.log(
    `  polls ${polls.polls} (the source's fetches), late by more than one interval ${polls.late} (must be 0),` +
      ` largest gap ${fmt(polls.maxGapMs / 1000, 2)} s`,
  );
  console.log(
    `  snapshot lastPollAt sampled every 500 ms: ${polls.seen} polls seen, largest gap ${fmt(polls.seenMaxGapMs / 1000, 2)} s,` +
      ` failed polls seen ${polls.failed}${polls.firstFailure ? ` (${polls.firstFailure})` : ''}`,
  );
  console.log(
    `  app RSS MB: before ${before}, peak ${peak}, after ${after}, ${SETTLE_MS / 1000} s later ${settled}`,
  );
  console.log(
    `  app log lines naming an error or failure: ${appErrors.length}${appErrors[0] ? ` (first: ${appErrors[0]})` : ''}`,
  );
  const failures = [
    ...(errors > 0 ? [`${errors} request errors under load (first: ${firstError})`] : []),
    ...(polls.late > 0 ? [`${polls.late} polls late by more than one interval under load`] : []),
    ...(polls.failed > 0 ? [`${polls.failed} failed polls seen under load (${polls.firstFailure})`] : []),
  ];
  return { failures };
}

if (process.argv[1]?.endsWith('load-bench.ts')) {
  const [seconds, servers] = process.argv.slice(2).map(Number);
  runLoadBench({ seconds, servers }).then(
    ({ failures = [] }) => {
      for (const failure of failures) console.error(`failed: ${failure}`);
      process.exit(failures.length > 0 ? 1 : 0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
