/**
 * The app as the benches run it: `node server.mjs` from the production build (one process, the leader of its own
 * process group), polling a stats CSV that the bench serves itself, with its history in a temporary folder.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onCleanup, startChild, stopChild } from './children';

export interface BenchApp {
  child: ChildProcess;
  pid: number;
  url: string;
  dataDir: string;
  /** The app's stdout and stderr, for a bench to read after the run. */
  logFile: string;
  forget: () => void;
}

export interface AppOptions {
  port: number;
  csvPort: number;
  env?: Record<string, string>;
  /**
   * The app's nice value: a bench of the browser runs the server at 19, so that the page's thread is not kept
   * waiting for a core by the server's own poll work (in production they are different machines).
   */
  niceness?: number;
}

export function requireBuild(bench: string): void {
  if (!existsSync('.next/BUILD_ID'))
    throw new Error(`${bench} needs a production build: run \`npx next build\` first`);
}

export function startApp({ port, csvPort, env = {}, niceness }: AppOptions): BenchApp {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-'));
  const logFile = path.join(dataDir, 'app.log');
  const log = openSync(logFile, 'a');
  const child = startChild(
    'the app (node server.mjs)',
    niceness === undefined ? 'node' : 'nice',
    [
      ...(niceness === undefined ? [] : ['-n', String(niceness), 'node']),
      // BENCH_APP_NODE_ARGS: extra node flags for the app, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
      ...nodeArgs(),
      'server.mjs',
      '-p',
      `${port}`,
      '-H',
      '127.0.0.1',
    ],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        HAPROXY_STATS_URL: `bench=http://127.0.0.1:${csvPort}/stats`,
        POLL_INTERVAL_MS: '2000',
        DATA_DIR: dataDir,
        K8S_ENABLED: 'false',
        ...env,
      },
      stdio: ['ignore', log, log],
      group: true,
      // BENCH_APP_DIR: another checkout with its own build (a baseline to compare with), run in its place.
      cwd: process.env.BENCH_APP_DIR ?? process.cwd(),
    },
  );
  if (child.pid === undefined) throw new Error('could not start `node server.mjs`');
  const forget = onCleanup(async () => rmSync(dataDir, { recursive: true, force: true }));
  return { child, pid: child.pid, url: `http://127.0.0.1:${port}`, dataDir, logFile, forget };
}

const nodeArgs = () => (process.env.BENCH_APP_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

export async function stopApp(app: BenchApp): Promise<void> {
  await stopChild(app.child);
  rmSync(app.dataDir, { recursive: true, force: true });
  app.forget();
}

/** /proc's clock ticks (USER_HZ = 100 on Linux), in ms. */
const TICK_MS = 10;

/**
 * A process's CPU time so far (user + system, all its threads), in ms, from the kernel. The fields after the command
 * name (in parentheses, which may hold spaces): utime and stime are the 14th and 15th of /proc/<pid>/stat.
 */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** The app's resident memory in MB, from the kernel (VmRSS of `node server.mjs` itself). */
export function rssMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

export type SnapshotBackends = { instance: string; name: string; servers: { name: string }[] }[];

/** Waits until the snapshot lists backends (exactly `servers` servers, when given); returns them. */
export async function waitForServers(
  app: BenchApp,
  servers?: number,
  headers: Record<string, string> = {},
): Promise<SnapshotBackends> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (app.child.exitCode !== null)
      throw new Error(`the app exited (${app.child.exitCode}): see ${app.logFile}`);
    try {
      const res = await fetch(`${app.url}/api/v1/snapshot`, { headers });
      const { backends } = (await res.json()) as { backends: SnapshotBackends };
      const count = backends.reduce((n, b) => n + b.servers.length, 0);
      if (servers === undefined ? backends.length > 0 : count === servers) return backends;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not show ${servers ?? 'any'} servers within 2 minutes`);
}

/**
 * Serves the stats CSV as HAProxy would, on `/stats;csv` (the process-information page is left out: a 404, which
 * the app shrugs off). `onFetch` hears of each CSV fetch, i.e. each poll.
 */
export async function serveCsv(
  port: number,
  csv: () => string,
  onFetch: (at: number) => void = () => undefined,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (!req.url?.startsWith('/stats;csv')) {
      res.statusCode = 404;
      return res.end();
    }
    onFetch(Date.now());
    res.end(csv());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const forget = onCleanup(() => closeServer(server));
  server.once('close', forget);
  return server;
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
