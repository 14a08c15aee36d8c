/**
 * Replicas on one PostgreSQL (issue 14): two `node server.mjs` on one throwaway PostgreSQL 15, polling a stats CSV
 * the bench serves (every fetch of it is a poll, whichever replica makes it).
 *
 * - Takeover: the collecting replica is killed with SIGKILL (its whole process group); the figure is the time from
 *   the kill to the next fetch of the CSV, by the other replica. Bar: ≤ 2 poll intervals + the lease. Then the
 *   killed one is started again (it follows) and the next round kills whichever leads. Before this work there was no
 *   other replica: nothing polled until the process was restarted.
 * - What replicas cost: CPU per poll of the leader and of the follower at 2,000 and 20,000 servers (the leader
 *   publishes each poll, the follower takes it), beside one process on SQLite (the baseline, which publishes
 *   nothing), over the same polls.
 *
 * Run: npx tsx --conditions=react-server e2e/bench/takeover-bench.ts (needs a production build).
 */
import { POSTGRES, startPostgres, type PostgresServer } from '@/lib/store/postgres-fixture';
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
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, median, printTable } from './measure';
import type { BenchOutcome } from './outcome';

const CSV_PORT = 18840;
const APP_PORTS = [18841, 18842];
const POLL_MS = 2000;
const LEASE_MS = 5000;
const ROUNDS = 5;
const CPU_POLLS = 10;

interface Round {
  killed: string;
  tookOverMs: number;
  leaderKnownMs: number;
}

export async function runTakeoverBench(): Promise<BenchOutcome> {
  requireBuild('the takeover bench');
  if (!POSTGRES.available) throw new Error(POSTGRES.reason);
  const failures: string[] = [];
  const server = await startPostgres();
  try {
    const rounds = await takeovers(server, 2_000);
    const bar = 2 * POLL_MS + LEASE_MS;
    printTable(
      `Takeover after kill -9 of the collecting replica: kill → the next poll by the other (poll ${POLL_MS} ms, lease ${LEASE_MS} ms; bar ≤ ${bar} ms; before: no other replica, no poll until a restart)`,
      [
        ...rounds.map((round, i) => ({
          round: i + 1,
          killed: round.killed,
          'next poll (ms)': round.tookOverMs,
          'health says leader (ms)': round.leaderKnownMs,
        })),
        {
          round: 'median',
          killed: '',
          'next poll (ms)': median(rounds.map((r) => r.tookOverMs)),
          'health says leader (ms)': median(rounds.map((r) => r.leaderKnownMs)),
        },
        {
          round: 'max',
          killed: '',
          'next poll (ms)': Math.max(...rounds.map((r) => r.tookOverMs)),
          'health says leader (ms)': Math.max(...rounds.map((r) => r.leaderKnownMs)),
        },
      ],
    );
    for (const round of rounds)
      if (round.tookOverMs > bar) failures.push(`takeover took ${round.tookOverMs} ms (bar ${bar} ms)`);

    const rows = [];
    for (const servers of [2_000, 20_000]) rows.push(await cpuPerPoll(server, servers));
    printTable(
      `CPU per poll (ms, median over ${CPU_POLLS} polls): one process on SQLite (baseline) vs a leader and a follower on PostgreSQL`,
      rows,
    );
  } finally {
    await server.remove();
  }
  return { failures };
}

async function takeovers(server: PostgresServer, servers: number): Promise<Round[]> {
  const csv = generateStatsCsv({ backends: servers / 20, serversPerBackend: 20, seed: 7 });
  const fetches: number[] = [];
  const stats = await serveCsv(
    CSV_PORT,
    () => csv,
    (at) => fetches.push(at),
  );
  const databaseUrl = await server.createDatabase();
  const apps: (BenchApp | null)[] = [null, null];
  const start = async (i: number) => {
    apps[i] = startApp({
      port: APP_PORTS[i]!,
      csvPort: CSV_PORT,
      env: { DATABASE_URL: databaseUrl, AUTH_MODE: 'none', LEADER_LEASE_MS: String(LEASE_MS) },
    });
    await waitForServers(apps[i]!, servers);
  };
  const rounds: Round[] = [];
  try {
    await start(0);
    await start(1);
    for (let round = 0; round < ROUNDS; round++) {
      const roles = await Promise.all(apps.map((app) => role(app!)));
      const leader = roles.indexOf('leader');
      if (leader < 0 || roles.filter((r) => r === 'leader').length !== 1)
        throw new Error(`expected one leader, the replicas say ${roles.join(', ')}`);
      const survivor = 1 - leader;
      // Mid-interval, as a crash would come.
      await new Promise((resolve) => setTimeout(resolve, POLL_MS / 2 + Math.random() * POLL_MS));
      const killedAt = Date.now();
      process.kill(-apps[leader]!.pid, 'SIGKILL');
      let leaderKnownMs = -1;
      const deadline = killedAt + 60_000;
      while (Date.now() < deadline) {
        if (leaderKnownMs < 0 && (await role(apps[survivor]!)) === 'leader')
          leaderKnownMs = Date.now() - killedAt;
        if (leaderKnownMs >= 0 && fetches.some((at) => at > killedAt)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const next = fetches.find((at) => at > killedAt);
      if (next === undefined) throw new Error('nobody polled within a minute of the kill');
      rounds.push({ killed: `replica ${leader + 1}`, tookOverMs: next - killedAt, leaderKnownMs });
      await stopApp(apps[leader]!);
      await start(leader);
    }
  } finally {
    for (const app of apps) if (app) await stopApp(app);
    await closeServer(stats);
  }
  return rounds;
}

async function cpuPerPoll(server: PostgresServer, servers: number): Promise<Record<string, string | number>> {
  const csv = generateStatsCsv({ backends: servers / 20, serversPerBackend: 20, seed: 11 });
  const stats = await serveCsv(CSV_PORT, () => csv);
  const measure = async (apps: BenchApp[]) => {
    await Promise.all(apps.map((app) => waitForServers(app, servers)));
    // Past the first polls, which create every row.
    await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
    const perPoll: number[][] = apps.map(() => []);
    let last = apps.map((app) => processCpuMs(app.pid));
    for (let i = 0; i < CPU_POLLS; i++) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const now = apps.map((app) => processCpuMs(app.pid));
      now.forEach((cpu, j) => perPoll[j]!.push(cpu - last[j]!));
      last = now;
    }
    return perPoll.map(median);
  };
  try {
    const single = startApp({ port: APP_PORTS[0]!, csvPort: CSV_PORT, env: { AUTH_MODE: 'none' } });
    const [sqlite] = await measure([single]).finally(() => stopApp(single));
    const databaseUrl = await server.createDatabase();
    const env = { DATABASE_URL: databaseUrl, AUTH_MODE: 'none' };
    const first = startApp({ port: APP_PORTS[0]!, csvPort: CSV_PORT, env });
    await waitForServers(first, servers);
    const second = startApp({ port: APP_PORTS[1]!, csvPort: CSV_PORT, env });
    try {
      const [leader, follower] = await measure([first, second]);
      return {
        servers: servers.toLocaleString('en-US'),
        'SQLite, one process': fmt(sqlite!, 0),
        'PostgreSQL leader': fmt(leader!, 0),
        'PostgreSQL follower': fmt(follower!, 0),
      };
    } finally {
      await stopApp(second);
      await stopApp(first);
    }
  } finally {
    await closeServer(stats);
  }
}

async function role(app: BenchApp): Promise<string | null> {
  try {
    const res = await fetch(`${app.url}/api/v1/health`);
    return ((await res.json()) as { role?: string }).role ?? null;
  } catch {
    return null;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTakeoverBench().then(
    (outcome) => process.exit(outcome.failures?.length ? 1 : 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
