/**
 * What checking identity costs (issue 11: at most +10 %), under the badge bench's load (100 concurrent, keep-alive)
 * on a 2,000-server CSV. One app (AUTH_MODE=none, so a request without a credential is let through without any
 * lookup), the same requests with and without a credential, interleaved over three rounds so both see the same
 * machine: badges without a token vs with their own share link (`?token=hss_…`, one per target, as wikis hold them),
 * snapshots without vs with an API token (`Authorization: Bearer hsc_…`); a presented token is always verified (found
 * by id, SHA-256, compared in constant time, expiry and revocation read). Prints medians; asserts nothing.
 * Needs a production build. Run: npx tsx e2e/bench/access-bench.ts
 */
import http from 'node:http';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, printTable } from './measure';
import {
  closeServer,
  processCpuMs,
  requireBuild,
  serveCsv,
  startApp,
  stopApp,
  waitForServers,
  type BenchApp,
} from './app';
import { APP_PORT, badgePaths, CONCURRENCY, CSV_PORT, load } from './badge-bench';

const BADGES = 5_000;
const SNAPSHOTS = 400;
const APP = `http://127.0.0.1:${APP_PORT}`;

interface Figures {
  p50: number;
  p95: number;
  reqPerSec: number;
  /** The app process's CPU time per request (utime + stime from /proc): steadier than latency on a shared box. */
  cpuMs: number;
}

async function measure(
  pid: number,
  agent: http.Agent,
  paths: readonly string[],
  count: number,
  headers?: Record<string, string>,
): Promise<Figures> {
  await load(agent, paths, Math.min(500, count), headers); // warm-up
  const cpuBefore = processCpuMs(pid);
  const started = performance.now();
  const times = (await load(agent, paths, count, headers)).sort((a, b) => a - b);
  const wallMs = performance.now() - started;
  const cpuMs = (processCpuMs(pid) - cpuBefore) / times.length;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), reqPerSec: (times.length / wallMs) * 1000, cpuMs };
}

/** Mints (as anyone, sign-in being off) an API token and one share link per badge target. */
async function mintCredentials(paths: readonly string[]) {
  const post = async (url: string, body: object) => {
    const res = await fetch(`${APP}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ secret?: string; token?: string }>;
  };
  const { secret } = await post('/api/v1/tokens', { name: 'bench', role: 'viewer' });
  const byTarget = new Map<string, string>();
  const withToken: string[] = [];
  for (const path of paths) {
    const [, kind, rest] = /\/api\/v1\/badge\/(?:uptime\/)?(server|backend)\/(.+)\.svg$/.exec(path)!;
    const target = rest!.split('/').map(decodeURIComponent).join('/');
    if (!byTarget.has(target)) {
      const { token } = await post('/api/v1/shares', { panel: kind, target });
      byTarget.set(target, token!);
    }
    withToken.push(`${path}?token=${byTarget.get(target)!}`);
  }
  return { bearer: { authorization: `Bearer ${secret!}` }, badgePaths: withToken, shares: byTarget.size };
}

const ROUNDS = 3;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runAccessBench(): Promise<void> {
  requireBuild('access bench');
  const csv = generateStatsCsv({ backends: 200, serversPerBackend: 10, seed: 5 });
  const csvServer = await serveCsv(CSV_PORT, () => csv);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const runs: Record<string, Figures[]> = { badgeOff: [], badgeOn: [], snapOff: [], snapOn: [] };
  let app: BenchApp | undefined;
  try {
    app = startApp({ port: APP_PORT, csvPort: CSV_PORT, env: { AUTH_MODE: 'none' } });
    const pid = app.pid;
    const paths = badgePaths(await waitForServers(app));
    const creds = await mintCredentials(paths);
    console.log(`  (${creds.shares} share links minted, one per badge target; ${ROUNDS} interleaved rounds)`);
    for (let round = 0; round < ROUNDS; round++) {
      runs.badgeOff!.push(await measure(pid, agent, paths, BADGES));
      runs.badgeOn!.push(await measure(pid, agent, creds.badgePaths, BADGES));
      runs.snapOff!.push(await measure(pid, agent, ['/api/v1/snapshot'], SNAPSHOTS));
      runs.snapOn!.push(await measure(pid, agent, ['/api/v1/snapshot'], SNAPSHOTS, creds.bearer));
    }
  } finally {
    agent.destroy();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
  const row = (request: string, off: Figures[], on: Figures[]) => {
    const m = (runs: Figures[], key: keyof Figures) => median(runs.map((r) => r[key]));
    return {
      request,
      'p50 ms without': fmt(m(off, 'p50')),
      'p50 ms with': fmt(m(on, 'p50')),
      'p95 ms without': fmt(m(off, 'p95')),
      'p95 ms with': fmt(m(on, 'p95')),
      'req/s without': fmt(m(off, 'reqPerSec'), 0),
      'req/s with': fmt(m(on, 'reqPerSec'), 0),
      'cost +% (req/s)': fmt((m(off, 'reqPerSec') / m(on, 'reqPerSec') - 1) * 100, 1),
      'CPU ms/req without': fmt(m(off, 'cpuMs'), 3),
      'CPU ms/req with': fmt(m(on, 'cpuMs'), 3),
      'cost +% (CPU)': fmt((m(on, 'cpuMs') / m(off, 'cpuMs') - 1) * 100, 1),
      'req/s each round (without | with)': `${off.map((r) => fmt(r.reqPerSec, 0)).join(' ')} | ${on.map((r) => fmt(r.reqPerSec, 0)).join(' ')}`,
    };
  };
  printTable(`Identity check cost: ${CONCURRENCY} concurrent, 2,000 servers, medians (budget: ≤ +10 %)`, [
    row(`badge ×${BADGES} (with: ?token=hss_… share link)`, runs.badgeOff!, runs.badgeOn!),
    row(`snapshot ×${SNAPSHOTS} (with: Bearer hsc_…)`, runs.snapOff!, runs.snapOn!),
  ]);
}

if (process.argv[1]?.endsWith('access-bench.ts')) {
  runAccessBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
