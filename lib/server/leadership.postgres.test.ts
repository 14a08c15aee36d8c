// Two replicas on one real PostgreSQL 15, each a whole runtime (the composition root), polling a stats page served
// over HTTP from real HAProxy CSV: one leads and polls, the other takes every poll it publishes under the same
// generations; an alert fires once, and both replicas' alert subscribers hear every change of the shared log, in its
// order, whichever replica made it; when the leader's session ends (as when it is killed) the other takes over and
// polls on after the last generation published.
import { readFileSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { acknowledge } from '@/lib/alerts/server/alert-service';
import { getHealth } from '@/lib/problems/server/health-service';
import { POSTGRES, startPostgres, type PostgresServer } from '@/lib/store/postgres-fixture';
import { createRuntime, type Runtime } from './runtime';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/haproxy-csv');
// be_tcp/t2 is UP in the first and DOWN in the second.
const T2_UP = readFileSync(path.join(FIXTURES, 'haproxy-2.6.12-going-down.csv'), 'utf8');
const T2_DOWN = readFileSync(path.join(FIXTURES, 'haproxy-2.6.12-going-up.csv'), 'utf8');

let postgres: PostgresServer;
let stats: Server;
let csv = T2_UP;
let statsUrl = '';
let dir: string;
const runtimes: Runtime[] = [];

beforeAll(async () => {
  if (POSTGRES.available || process.env.CI) postgres = await startPostgres();
  dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-replicas-'));
  stats = createServer((_request, response) => response.end(csv));
  await new Promise<void>((resolve) => stats.listen(0, '127.0.0.1', resolve));
  const address = stats.address();
  statsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/stats;csv`;
}, 30_000);
afterAll(async () => {
  await new Promise((resolve) => stats?.close(resolve));
  await postgres?.remove();
});
afterEach(() => {
  for (const runtime of runtimes.splice(0)) runtime.stop();
  vi.restoreAllMocks();
});

function replica(databaseUrl: string): Runtime {
  const runtime = createRuntime({
    env: {
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(dir, 'unused'),
      HAPROXY_STATS_URL: statsUrl,
      POLL_INTERVAL_MS: '250',
      ALERT_DOWN_GRACE_MS: '0',
      LEADER_LEASE_MS: '1000',
      K8S_ENABLED: 'false',
    },
    cwd: dir,
  });
  runtimes.push(runtime);
  runtime.leadership.start();
  return runtime;
}

async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const operator = {
  kind: 'principal',
  name: 'olga',
  role: 'operator',
  via: 'session',
  detail: 'local',
} as const;

describe.skipIf(!POSTGRES.available && !process.env.CI)(
  POSTGRES.available ? 'PostgreSQL 15' : POSTGRES.reason,
  () => {
    test('one replica polls; the other shows its polls, hears every alert change in order, and takes over', async () => {
      vi.spyOn(console, 'log').mockImplementation(() => {});
      const url = await postgres.createDatabase();
      const startedAt = Date.now();
      const a = replica(url);
      await until(
        'A to lead and poll',
        () => a.leadership.status().role === 'leader' && a.collector.generation >= 3,
      );
      const b = replica(url);
      const heardA: AlertEventDto[] = [];
      const heardB: AlertEventDto[] = [];
      a.alerts!.subscribe((event) => heardA.push(event));
      b.alerts!.subscribe((event) => heardB.push(event));
      // A fired alerts before (down1, e1): the changes after this one are the ones both must hear.
      const before = (await a.store.alerts.eventsAfter(0)).at(-1)?.seq ?? 0;

      // B follows: the leader's generations, term and servers; it polls nothing and records nothing.
      const followed = await until('B to take a poll', () =>
        b.collector.generation > 0 ? b.collector.generation : 0,
      );
      expect(b.leadership.status().role).toBe('follower');
      expect(b.collector.leading).toBe(false);
      expect(b.collector.term).toBe(a.collector.term);
      expect(followed).toBeLessThanOrEqual(a.collector.generation);
      const servers = (rt: Runtime) =>
        rt.backends().flatMap((be) => be.servers.map((s) => `${be.name}/${s.name} ${s.status}`));
      await until('B to show what A shows', () => servers(b).join() === servers(a).join());
      expect(servers(b)).toContain('be_tcp/t2 UP');
      expect(getHealth(b)).toMatchObject({ ok: true, role: 'follower' });
      expect(getHealth(a)).toMatchObject({ role: 'leader' });

      // t2 goes down: A's alert fires once; an operator acknowledges it on B.
      csv = T2_DOWN;
      const fired = await until('the t2 alert', async () => {
        const { alerts } = await a.store.alerts.alertCenter(0, Date.now());
        return alerts.find((alert) => alert.target.server === 't2' && alert.kind === 'down');
      });
      await until('B to show t2 down', () => servers(b).some((s) => s.startsWith('be_tcp/t2 DOWN')));
      // Only the leader holds firing alerts (its /metrics has them); the follower's are the leader's, in the store.
      expect(a.alerts!.firing().map((alert) => alert.target.server)).toContain('t2');
      expect(b.alerts!.firing()).toEqual([]);
      expect(await acknowledge(b, operator, fired.id, Date.now())).toMatchObject({ acknowledgedBy: 'olga' });
      await until('both to hear the acknowledgement', () =>
        [heardA, heardB].every((heard) =>
          heard.some((e) => e.change === 'acknowledged' && e.id === fired.id),
        ),
      );

      // Every change of the log, once each, in its order, on both replicas.
      const stored = await a.store.alerts.eventsAfter(before);
      const seqs = (events: AlertEventDto[]) =>
        events.map((event) => event.seq).filter((seq) => seq > before);
      await until('both to have heard the whole log', () =>
        [heardA, heardB].every((heard) => seqs(heard).join() === seqs(stored).join()),
      );
      expect(seqs(stored).length).toBeGreaterThanOrEqual(2); // t2 fired, acknowledged
      expect(seqs(stored)).toEqual([...seqs(stored)].sort((x, y) => x - y));

      // A's session ends (as when it is killed: no unlock); B takes over, after A's last generation.
      const termOfA = a.collector.term;
      a.collector.stop();
      await a.store.close();
      const lastOfA = a.collector.generation;
      const cut = Date.now();
      await until('B to lead', () => b.leadership.status().role === 'leader', 10_000);
      await until('B to poll', () => b.collector.generation > lastOfA);
      expect(b.collector.term).not.toBe(termOfA);
      expect(b.leadership.takeovers).toBe(1);

      const tookOverMs = Date.now() - cut;
      // B read the firing alerts again: t2's is its own now.
      await until('B to hold t2 firing', () =>
        b.alerts!.firing().some((alert) => alert.target.server === 't2'),
      );

      // B records from then on: t2 comes back, and history has it; no gap in it is longer than the takeover.
      csv = T2_UP;
      const ref = { instance: b.collector.states[0]!.source.name, backend: 'be_tcp', server: 't2' };
      const history = await until('B to record t2 back up', async () => {
        const found = await b.store.history.serverHistory(ref, { from: startedAt, to: Date.now() });
        const statuses = found?.transitions.map((t) => t.to.status) ?? [];
        return statuses.at(-1) === 'UP' && statuses.includes('DOWN') ? found : null;
      });
      const firstPoll = history.samples[0]?.at ?? startedAt;
      const gaps = history.noData
        .filter((gap) => gap.to > firstPoll)
        .map((gap) => gap.to - Math.max(gap.from, firstPoll));
      expect(Math.max(0, ...gaps)).toBeLessThanOrEqual(tookOverMs + 2 * 250);

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ alert_id: string; n: string }>(
          "SELECT alert_id, COUNT(*) AS n FROM alert_events WHERE change = 'fired' GROUP BY alert_id HAVING COUNT(*) > 1",
        );
        expect(rows).toEqual([]);
        const firing = await b.store.alerts.alertCenter(0, Date.now());
        expect(
          firing.alerts.filter((alert) => alert.target.server === 't2' && alert.kind === 'down'),
        ).toHaveLength(1);
      } finally {
        await client.end();
      }
    }, 60_000);
  },
);
