/**
 * Viewer fan-out: what open dashboards cost the server. The app polls a stats CSV of N servers every 2 s whose
 * figures move as a real HAProxy's do (statsCsvSeries: a tenth of the servers carry traffic, check durations
 * jitter, a rare server flips); first alone for a while (the collector's own CPU), then with V dashboards, then
 * with V again the other way: `poll` tabs fetch the whole snapshot every poll interval (gzip, If-None-Match), as
 * the overview did and embeds do; `stream` tabs load it once and follow GET /api/v1/snapshot/stream, as the
 * overview does. Prints the app's CPU (user + system, from /proc) in each phase, what the dashboards add as a
 * multiple of the collector's own cost, and each tab's bytes per poll. Figures only.
 * Needs a production build. Run: npx tsx e2e/bench/viewers-bench.ts [servers] [viewers] [seconds] [--quiet]
 * BENCH_APP_DIR=<another checkout with its own build> runs that one instead: the baseline, side by side.
 */
import http from 'node:http';
import {
  closeServer,
  processCpuMs,
  requireBuild,
  rssMb,
  serveCsv,
  startApp,
  stopApp,
  waitForServers,
  type BenchApp,
} from './app';
import { statsCsvSeries } from './generate-stats-csv';
import { fmt, printTable } from './measure';

const CSV_PORT = 18822;
const APP_PORT = 18823;
const POLL_INTERVAL_MS = 2_000;
const SETTLE_MS = 6_000;

type Mode = 'poll' | 'stream';

/** `quiet`: a fleet in which nothing but time passes (no traffic, no check jitter, no flips). */
export async function runViewersBench({
  servers = 10_000,
  viewers = 20,
  seconds = 30,
  quiet = false,
} = {}): Promise<void> {
  requireBuild('viewers bench');
  const next = statsCsvSeries(
    { backends: servers / 10, serversPerBackend: 10, seed: 21 },
    quiet ? { trafficShare: 0, checkChangeShare: 0, flipEvery: Number.POSITIVE_INFINITY } : {},
  );
  const csvServer = await serveCsv(CSV_PORT, next);
  const agent = new http.Agent({ keepAlive: true, maxSockets: viewers });
  let app: BenchApp | undefined;
  try {
    app = startApp({
      port: APP_PORT,
      csvPort: CSV_PORT,
      env: {
        AUTH_MODE: 'none',
        POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
        SSE_MAX_STREAMS_PER_CLIENT: '1000',
      },
    });
    await waitForServers(app, servers);
    await sleep(SETTLE_MS);
    const alone = await cpuOver(app.pid, seconds * 1_000, async () => {});
    const rows: Record<string, string>[] = [
      {
        phase: 'collector alone',
        'app CPU % of a core': fmt(alone.cpuPct),
        '× collector': '',
        'KiB per tab per poll': '',
        'RSS MB': fmt(alone.rssMb, 0),
      },
    ];
    for (const mode of ['poll', 'stream'] as const) {
      const tabs = Array.from({ length: viewers }, () => new Tab(mode));
      const watched = await cpuOver(app.pid, seconds * 1_000, (until) =>
        Promise.all(tabs.map((tab, i) => tab.run(agent, until, (i * POLL_INTERVAL_MS) / viewers))).then(
          () => {},
        ),
      );
      const bytes = tabs.reduce((n, t) => n + t.bytes, 0);
      const polls = (seconds * 1_000) / POLL_INTERVAL_MS;
      rows.push({
        phase: `${viewers} tabs, ${mode === 'poll' ? 'the snapshot every poll' : 'following the stream'}`,
        'app CPU % of a core': fmt(watched.cpuPct),
        '× collector': fmt((watched.cpuPct - alone.cpuPct) / alone.cpuPct, 2),
        'KiB per tab per poll': fmt(bytes / viewers / polls / 1024, 1),
        'RSS MB': fmt(watched.rssMb, 0),
      });
      if (mode === 'stream')
        console.log(
          `  a stream tab loads the whole snapshot once first: ${fmt(tabs[0]!.initialBytes / 1024, 0)} KiB (gzip)`,
        );
      const failed = tabs.filter((t) => t.failure).map((t) => t.failure);
      if (failed.length > 0) console.log(`  ${mode}: ${failed.length} tabs failed, first: ${failed[0]}`);
    }
    printTable(
      `Viewer fan-out: ${servers.toLocaleString('en')} ${quiet ? 'quiet ' : ''}servers polled every ${POLL_INTERVAL_MS / 1000} s, ${viewers} tabs, ${seconds} s per phase (× collector: CPU the tabs add, as a multiple of the collector's own)`,
      rows,
    );
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
}

/** One open overview: the snapshot every poll interval (with the tag of the answer it holds), or the stream. */
class Tab {
  bytes = 0;
  /** A stream tab's one whole snapshot, before it follows. */
  initialBytes = 0;
  failure: string | null = null;
  private etag: string | null = null;

  constructor(private readonly mode: Mode) {}

  async run(agent: http.Agent, until: number, offsetMs: number): Promise<void> {
    await sleep(offsetMs);
    try {
      if (this.mode === 'stream') return await this.follow(until);
      while (Date.now() < until) {
        const started = Date.now();
        await this.get(agent, '/api/v1/snapshot');
        await sleep(Math.max(0, POLL_INTERVAL_MS - (Date.now() - started)));
      }
    } catch (error) {
      this.failure = (error as Error).message;
    }
  }

  /** The snapshot once, then the stream from its id until `until`. */
  private async follow(until: number): Promise<void> {
    const { headers } = await this.get(undefined, '/api/v1/snapshot');
    this.initialBytes = this.bytes;
    this.bytes = 0; // what follows is the stream's alone
    const id = headers['x-hapscope-stream-id'];
    if (typeof id !== 'string') throw new Error('no x-hapscope-stream-id on the snapshot');
    await new Promise<void>((resolve, reject) => {
      const path = `/api/v1/snapshot/stream?after=${encodeURIComponent(id)}`;
      const req = http.get({ host: '127.0.0.1', port: APP_PORT, path, agent: false }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`stream: HTTP ${res.statusCode}`));
        res.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
        res.on('error', () => resolve());
        res.on('close', () => resolve());
      });
      req.on('error', reject);
      setTimeout(() => req.destroy(), Math.max(0, until - Date.now()));
    });
  }

  private get(agent: http.Agent | undefined, path: string): Promise<{ headers: http.IncomingHttpHeaders }> {
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
    if (this.etag) headers['if-none-match'] = this.etag;
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: APP_PORT, path, agent, headers }, (res) => {
        if (res.statusCode !== 200 && res.statusCode !== 304)
          reject(new Error(`${path}: HTTP ${res.statusCode}`));
        const etag = res.headers.etag;
        if (typeof etag === 'string') this.etag = etag;
        res.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
        res.on('end', () => resolve({ headers: res.headers }));
        res.on('error', reject);
      });
      req.on('error', reject);
    });
  }
}

/** The app's CPU (user + system, all threads) as a percentage of one core while `load` runs for `ms`. */
async function cpuOver(pid: number, ms: number, load: (until: number) => Promise<void>) {
  const before = processCpuMs(pid);
  const started = performance.now();
  await Promise.all([load(Date.now() + ms), sleep(ms)]);
  const wallMs = performance.now() - started;
  return { cpuPct: ((processCpuMs(pid) - before) / wallMs) * 100, rssMb: rssMb(pid) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[1]?.endsWith('viewers-bench.ts')) {
  const [servers, viewers, seconds] = process.argv.slice(2).map(Number);
  runViewersBench({
    servers: servers || undefined,
    viewers: viewers || undefined,
    seconds: seconds || undefined,
    quiet: process.argv.includes('--quiet'),
  }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
