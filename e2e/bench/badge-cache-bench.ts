/**
 * Badges at 100 concurrent clients for 10 s each, straight from the app (`node server.mjs`) and through the
 * README's HAProxy cache recipe ("Behind a cache", run as written: e2e/harness/cache-recipe.ts) in front of it:
 * requests per second side by side, with HAProxy's cache hits. Status and uptime badges of a 2,000-server stats CSV,
 * readable by anyone (sign-in off, as badge-bench.ts), so `public, max-age=<poll>`: every badge is asked of
 * the app again after each 2 s poll. Prints figures; asserts nothing. Needs a production build and /usr/sbin/haproxy.
 * Run: npx tsx e2e/bench/badge-cache-bench.ts [seconds]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runtimeCommand } from '../../lib/haproxy/runtime-socket';
import { writeCacheProxyConfig } from '../harness/cache-recipe';
import { parseStatsCsv } from '../harness/haproxy';
import { closeServer, requireBuild, serveCsv, startApp, stopApp, waitForServers, type BenchApp } from './app';
import { badgePaths } from './badge-bench';
import { onCleanup, startChild, stopChild } from './children';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, printTable } from './measure';

const CSV_PORT = 18830;
const APP_PORT = 18831;
const PROXY_PORT = 18832;
const CONCURRENCY = 100;
const WARMUP_S = 3;
// What a browser sends: the cache keeps one copy per encoding (Vary: Accept-Encoding).
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

interface Run {
  requests: number;
  perSec: number;
  p50: number;
  p99: number;
}

export async function runBadgeCacheBench(seconds = 10): Promise<void> {
  requireBuild('badge cache bench');
  const csv = generateStatsCsv({ backends: 200, serversPerBackend: 10, seed: 5 });
  const csvServer = await serveCsv(CSV_PORT, () => csv);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-cache-'));
  const forgetDir = onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  let app: BenchApp | undefined;
  let haproxy: ChildProcess | undefined;
  try {
    // As badge-bench.ts runs it (sign-in off, embeds public): badges anyone may read, so a shared cache may too.
    app = startApp({ port: APP_PORT, csvPort: CSV_PORT, env: { AUTH_MODE: 'none', PUBLIC_EMBEDS: 'true' } });
    const paths = badgePaths(await waitForServers(app));
    const files = await writeCacheProxyConfig(dir, {
      host: '127.0.0.1',
      port: PROXY_PORT,
      appPort: APP_PORT,
    });
    haproxy = startChild(
      'HAProxy (README cache recipe)',
      '/usr/sbin/haproxy',
      ['-f', files.configPath, '-db'],
      {
        stdio: 'ignore',
      },
    );
    await waitForProxy(haproxy, paths[0]!);

    await measure(agent, APP_PORT, paths, WARMUP_S);
    const direct = await measure(agent, APP_PORT, paths, seconds);
    await measure(agent, PROXY_PORT, paths, WARMUP_S);
    const before = await cacheCounts(files.socketPath);
    const cached = await measure(agent, PROXY_PORT, paths, seconds);
    const after = await cacheCounts(files.socketPath);
    const hits = after.hits - before.hits;
    const lookups = after.lookups - before.lookups;

    const row = (via: string, run: Run, extra: Record<string, string>) => ({
      via,
      requests: run.requests,
      'req/s': fmt(run.perSec, 0),
      'p50 ms': fmt(run.p50),
      'p99 ms': fmt(run.p99),
      ...extra,
    });
    printTable(
      `Badges (${paths.length} status and uptime URLs, 2,000 servers, 2 s poll): ${CONCURRENCY} concurrent clients, ${seconds} s each`,
      [
        row('hapscope alone', direct, { 'cache hits': '-', 'asked of hapscope': '100 %' }),
        row("through the README's HAProxy cache", cached, {
          'cache hits': `${fmt((100 * hits) / Math.max(1, lookups))} %`,
          'asked of hapscope': `${fmt((100 * (cached.requests - hits)) / Math.max(1, cached.requests))} %`,
        }),
      ],
    );
    console.log(`  through the cache / alone: ${fmt(cached.perSec / direct.perSec, 1)} ×`);
  } finally {
    agent.destroy();
    if (haproxy) await stopChild(haproxy);
    if (app) await stopApp(app);
    await closeServer(csvServer);
    rmSync(dir, { recursive: true, force: true });
    forgetDir();
  }
}

/** GETs cycling through `paths` from CONCURRENCY clients for `seconds`; the rate and each request's time. */
async function measure(
  agent: http.Agent,
  port: number,
  paths: readonly string[],
  seconds: number,
): Promise<Run> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const path = paths[next++ % paths.length]!;
      const start = performance.now();
      const status = await get(agent, port, path);
      times.push(performance.now() - start);
      if (status !== 200) throw new Error(`${path} on ${port}: HTTP ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const wallMs = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { requests: times.length, perSec: (times.length / wallMs) * 1000, p50: at(0.5), p99: at(0.99) };
}

function get(agent: http.Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers: HEADERS }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

async function cacheCounts(socketPath: string): Promise<{ hits: number; lookups: number }> {
  const rows = parseStatsCsv(await runtimeCommand(socketPath, 'show stat'));
  const backend = rows.find((r) => r.pxname === 'hapscope' && r.svname === 'BACKEND');
  return { hits: Number(backend?.cache_hits ?? 0), lookups: Number(backend?.cache_lookups ?? 0) };
}

async function waitForProxy(haproxy: ChildProcess, badge: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (haproxy.exitCode !== null) throw new Error(`HAProxy exited (${haproxy.exitCode}) on start`);
    const status = await fetch(`http://127.0.0.1:${PROXY_PORT}${badge}`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`HAProxy did not serve ${badge} within 30 s (HTTP ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (process.argv[1]?.endsWith('badge-cache-bench.ts')) {
  runBadgeCacheBench(Number(process.argv[2]) || undefined).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
