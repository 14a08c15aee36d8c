/**
 * Viewer fan-out: what open dashboards cost the server. The app polls a stats CSV of N servers every 2 s; first
 * alone for a while (the collector's own CPU), then with V dashboards that each fetch the snapshot every poll
 * interval as the overview does (gzip accepted, the held answer's tag sent: `If-None-Match`). Prints the app's CPU
 * (user + system, from /proc) in both phases, what the dashboards add as a multiple of the collector's own cost, and
 * each dashboard's bytes per poll. Figures only.
 * Needs a production build. Run: npx tsx e2e/bench/viewers-bench.ts [servers] [viewers] [seconds]
 * BENCH_APP_DIR=<another checkout with its own build> runs that one instead: the baseline, side by side.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { closeServer, requireBuild, serveCsv, startApp, stopApp, waitForServers, type BenchApp } from './app';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, printTable } from './measure';

const CSV_PORT = 18822;
const APP_PORT = 18823;
const POLL_INTERVAL_MS = 2_000;
const SETTLE_MS = 6_000;

export async function runViewersBench({ servers = 10_000, viewers = 20, seconds = 30 } = {}): Promise<void> {
  requireBuild('viewers bench');
  const csv = generateStatsCsv({ backends: servers / 10, serversPerBackend: 10, seed: 21 });
  const csvServer = await serveCsv(CSV_PORT, () => csv);
  const agent = new http.Agent({ keepAlive: true, maxSockets: viewers });
  let app: BenchApp | undefined;
  try {
    app = startApp({
      port: APP_PORT,
      csvPort: CSV_PORT,
      env: { AUTH_MODE: 'none', POLL_INTERVAL_MS: String(POLL_INTERVAL_MS) },
    });
    await waitForServers(app, servers);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const alone = await cpuOver(app.pid, seconds * 1_000, async () => {});
    const tabs = Array.from({ length: viewers }, () => new Tab());
    const watched = await cpuOver(app.pid, seconds * 1_000, (until) =>
      Promise.all(tabs.map((tab, i) => tab.run(agent, until, (i * POLL_INTERVAL_MS) / viewers))).then(
        () => {},
      ),
    );
    const polls = tabs.reduce((n, t) => n + t.requests, 0);
    const bytes = tabs.reduce((n, t) => n + t.bytes, 0);
    const notModified = tabs.reduce((n, t) => n + t.notModified, 0);
    const added = watched.cpuPct - alone.cpuPct;
    printTable(
      `Viewer fan-out: ${servers.toLocaleString('en')} servers polled every ${POLL_INTERVAL_MS / 1000} s, ${viewers} dashboards, ${seconds} s per phase`,
      [
        { phase: 'collector alone', 'app CPU % of a core': fmt(alone.cpuPct), 'RSS MB': fmt(alone.rssMb, 0) },
        {
          phase: `with ${viewers} dashboards`,
          'app CPU % of a core': fmt(watched.cpuPct),
          'RSS MB': fmt(watched.rssMb, 0),
        },
      ],
    );
    console.log(
      `  dashboards add ${fmt(added)} % of a core = ${fmt(added / alone.cpuPct, 2)} × the collector's own CPU`,
    );
    console.log(
      `  snapshot requests ${polls} (${fmt((notModified / Math.max(1, polls)) * 100, 0)} % answered 304), ` +
        `bytes per dashboard per request ${fmt(bytes / Math.max(1, polls) / 1024, 0)} KiB (gzip)`,
    );
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
}

/** One open overview: the snapshot every poll interval, with the tag of the answer it holds. */
class Tab {
  requests = 0;
  bytes = 0;
  notModified = 0;
  private etag: string | null = null;

  async run(agent: http.Agent, until: number, offsetMs: number): Promise<void> {
    await sleep(offsetMs);
    while (Date.now() < until) {
      const started = Date.now();
      await this.fetchOnce(agent);
      await sleep(Math.max(0, POLL_INTERVAL_MS - (Date.now() - started)));
    }
  }

  private fetchOnce(agent: http.Agent): Promise<void> {
    const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br' };
    if (this.etag) headers['if-none-match'] = this.etag;
    return new Promise((resolve, reject) => {
      const req = http.get(
        { host: '127.0.0.1', port: APP_PORT, path: '/api/v1/snapshot', agent, headers },
        (res) => {
          this.requests++;
          if (res.statusCode === 304) this.notModified++;
          const etag = res.headers.etag;
          if (typeof etag === 'string') this.etag = etag;
          res.on('data', (chunk: Buffer) => (this.bytes += chunk.length));
          res.on('end', resolve);
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
  }
}

/** The app's CPU (user + system, all threads) as a percentage of one core while `load` runs for `ms`. */
async function cpuOver(pid: number, ms: number, load: (until: number) => Promise<void>) {
  const before = cpuTicks(pid);
  const started = performance.now();
  await Promise.all([load(Date.now() + ms), sleep(ms)]);
  const wallMs = performance.now() - started;
  const ticks = cpuTicks(pid) - before;
  const rssMb = Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  return { cpuPct: ((ticks * (1000 / CLOCK_TICKS_PER_SEC)) / wallMs) * 100, rssMb };
}

/** USER_HZ: /proc reports CPU time in these on Linux. */
const CLOCK_TICKS_PER_SEC = 100;

function cpuTicks(pid: number): number {
  // Fields after the command name (which may hold spaces, inside parentheses): utime is 14th, stime 15th overall.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[1]?.endsWith('viewers-bench.ts')) {
  const [servers, viewers, seconds] = process.argv.slice(2).map(Number);
  runViewersBench({
    servers: servers || undefined,
    viewers: viewers || undefined,
    seconds: seconds || undefined,
  }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
