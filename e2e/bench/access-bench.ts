/**
 * What checking identity costs (issue 11: at most +10 %), under the badge bench's load (100 concurrent, keep-alive)
 * on a 2,000-server CSV: the same build run twice, first with sign-in off (AUTH_MODE=none, PUBLIC_EMBEDS=true: no
 * credential is looked up), then with AUTH_MODE=local, each badge carrying its own share link (`?token=hss_…`, one
 * per target, as wikis hold them) and each snapshot request an API token (`Authorization: Bearer hsc_…`). Prints
 * both side by side; asserts nothing. Needs a production build. Run: npx tsx e2e/bench/access-bench.ts
 */
import http from 'node:http';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, printTable } from './measure';
import {
  APP_PORT,
  badgePaths,
  CONCURRENCY,
  CSV_PORT,
  load,
  startApp,
  stopApp,
  waitForBackends,
} from './badge-bench';

const BADGES = 5_000;
const SNAPSHOTS = 400;
const ADMIN_PASSWORD = 'access-bench-admin';
const APP = `http://127.0.0.1:${APP_PORT}`;

interface Figures {
  p50: number;
  p95: number;
  reqPerSec: number;
}

async function measure(
  agent: http.Agent,
  paths: readonly string[],
  count: number,
  headers?: Record<string, string>,
): Promise<Figures> {
  await load(agent, paths, Math.min(500, count), headers); // warm-up
  const started = performance.now();
  const times = (await load(agent, paths, count, headers)).sort((a, b) => a - b);
  const wallMs = performance.now() - started;
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), reqPerSec: (times.length / wallMs) * 1000 };
}

/** Signs in as the first admin and mints an API token and one share link per badge target. */
async function mintCredentials(paths: readonly string[]) {
  const json = { 'content-type': 'application/json', origin: APP };
  const signIn = await fetch(`${APP}/api/v1/auth/signin`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const post = async (url: string, body: object) => {
    const res = await fetch(`${APP}${url}`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ secret?: string; token?: string }>;
  };
  const { secret } = await post('/api/v1/tokens', { name: 'bench', role: 'viewer' });
  const byTarget = new Map<string, string>();
  const withToken: string[] = [];
  for (const path of paths) {
    const [, kind, ...rest] = /\/api\/v1\/badge\/(?:uptime\/)?(server|backend)\/(.+)\.svg$/.exec(path)!;
    const target = rest.join('/').split('/').map(decodeURIComponent).join('/');
    if (!byTarget.has(target)) {
      const { token } = await post('/api/v1/shares', {
        panel: kind === 'server' ? 'server' : 'backend',
        target,
      });
      byTarget.set(target, token!);
    }
    withToken.push(`${path}?token=${byTarget.get(target)!}`);
  }
  return { bearer: { authorization: `Bearer ${secret!}` }, badgePaths: withToken, shares: byTarget.size };
}

export async function runAccessBench(): Promise<void> {
  const csv = generateStatsCsv({ backends: 200, serversPerBackend: 10, seed: 5 });
  const csvServer = http.createServer((_req, res) => res.end(csv));
  await new Promise<void>((resolve) => csvServer.listen(CSV_PORT, '127.0.0.1', resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const results: Record<string, Figures>[] = [];
  try {
    for (const mode of ['none', 'local'] as const) {
      const env: Record<string, string> =
        mode === 'none'
          ? { AUTH_MODE: 'none', PUBLIC_EMBEDS: 'true' }
          : { AUTH_MODE: 'local', HAPSCOPE_ADMIN_PASSWORD: ADMIN_PASSWORD };
      const app = startApp(env);
      try {
        const backends = await waitForBackends(mode === 'none' ? {} : await firstAdminReady());
        const paths = badgePaths(backends);
        const creds = mode === 'local' ? await mintCredentials(paths) : null;
        results.push({
          badges: await measure(agent, creds?.badgePaths ?? paths, BADGES),
          snapshot: await measure(agent, ['/api/v1/snapshot'], SNAPSHOTS, creds?.bearer),
        });
        if (creds) console.log(`  (${creds.shares} share links minted, one per badge target)`);
      } finally {
        stopApp(app);
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    }
  } finally {
    agent.destroy();
    csvServer.close();
  }
  const [off, on] = results as [Record<string, Figures>, Record<string, Figures>];
  printTable(
    `Identity check cost: ${CONCURRENCY} concurrent, 2,000 servers (budget: ≤ +10 %)`,
    (['badges', 'snapshot'] as const).map((what) => ({
      request:
        what === 'badges'
          ? `badge (${BADGES}; with: ?token=hss_… share link)`
          : `snapshot (${SNAPSHOTS}; with: Bearer hsc_…)`,
      'p50 ms without': fmt(off[what]!.p50),
      'p50 ms with': fmt(on[what]!.p50),
      'p95 ms without': fmt(off[what]!.p95),
      'p95 ms with': fmt(on[what]!.p95),
      'req/s without': fmt(off[what]!.reqPerSec, 0),
      'req/s with': fmt(on[what]!.reqPerSec, 0),
      'cost +%': fmt((off[what]!.reqPerSec / on[what]!.reqPerSec - 1) * 100, 1),
    })),
  );
}

/** The first admin is created just after start-up: wait for a sign-in to work, then read with that session. */
async function firstAdminReady(): Promise<Record<string, string>> {
  for (let i = 0; i < 240; i++) {
    const res = await fetch(`${APP}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP },
      body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
    }).catch(() => null);
    if (res?.ok) return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('could not sign in as the first admin within 2 minutes');
}

if (process.argv[1]?.endsWith('access-bench.ts')) {
  runAccessBench().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
