/**
 * Badge response time under 100 concurrent requests against the app (`node server.mjs`): 5,000 requests over server, backend
 * and uptime badges of a 2,000-server stats CSV (keep-alive, 100 sockets). Prints p50/p95/p99; asserts nothing.
 * Needs a production build. Run: npx tsx e2e/bench/badge-bench.ts
 */
import http from 'node:http';
import { closeServer, requireBuild, serveCsv, startApp, stopApp, waitForServers, type BenchApp } from './app';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, printTable } from './measure';

export const CSV_PORT = 18793;
export const APP_PORT = 18794;
export const CONCURRENCY = 100;
const REQUESTS = 5_000;
const WARMUP = 500;

export async function runBadgeBench(): Promise<void> {
  requireBuild('badge bench');
  const csv = generateStatsCsv({ backends: 200, serversPerBackend: 10, seed: 5 });
  const csvServer = await serveCsv(CSV_PORT, () => csv);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let app: BenchApp | undefined;
  try {
    // Sign-in off and embeds public: this bench measures serving badges (access-bench.ts measures identity's cost).
    app = startApp({ port: APP_PORT, csvPort: CSV_PORT, env: { AUTH_MODE: 'none', PUBLIC_EMBEDS: 'true' } });
    const backends = await waitForServers(app);
    const paths = badgePaths(backends);
    await load(agent, paths, WARMUP);
    const rows: Record<string, string | number>[] = [];
    for (const [kind, filter] of [
      ['mixed (status 80%, uptime 20%)', () => true],
      ['server status only', (p: string) => p.includes('/server/') && !p.includes('/uptime/')],
      ['baseline: GET /api/v1/health', () => false],
    ] as const) {
      // The baseline is Next's own cost per request on this machine: the floor under any badge figure.
      const chosen = kind.startsWith('baseline') ? ['/api/v1/health'] : paths.filter(filter);
      const started = performance.now();
      const times = await load(agent, chosen, REQUESTS);
      const wallMs = performance.now() - started;
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
      rows.push({
        badges: kind,
        requests: times.length,
        'p50 ms': fmt(at(0.5)),
        'p95 ms': fmt(at(0.95)),
        'p99 ms': fmt(at(0.99)),
        'max ms': fmt(times.at(-1)!),
        'req/s': fmt((times.length / wallMs) * 1000, 0),
      });
    }
    printTable(
      `Badges: ${REQUESTS} requests, ${CONCURRENCY} concurrent, 2,000 servers (target p99 < 50 ms)`,
      rows,
    );
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
}

export function badgePaths(
  backends: { instance: string; name: string; servers: { name: string }[] }[],
): string[] {
  const paths: string[] = [];
  for (const b of backends.slice(0, 50)) {
    const base = `${encodeURIComponent(b.instance)}/${encodeURIComponent(b.name)}`;
    paths.push(`/api/v1/badge/backend/${base}.svg`);
    for (const s of b.servers.slice(0, 4))
      paths.push(`/api/v1/badge/server/${base}/${encodeURIComponent(s.name)}.svg`);
  }
  const status = paths.length;
  for (let i = 0; i < status / 4; i++)
    paths.push(paths[i]!.replace('/api/v1/badge/', '/api/v1/badge/uptime/'));
  return paths;
}

/** `count` GETs, at most CONCURRENCY in flight, cycling through `paths`; the time of each, in ms. */
export async function load(
  agent: http.Agent,
  paths: readonly string[],
  count: number,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const path = paths[next++ % paths.length]!;
      const start = performance.now();
      const status = await get(agent, path, headers);
      times.push(performance.now() - start);
      if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return times;
}

function get(agent: http.Agent, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: APP_PORT, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

if (process.argv[1]?.endsWith('badge-bench.ts')) {
  runBadgeBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
