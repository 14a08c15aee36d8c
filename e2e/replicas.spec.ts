// Two replicas of hapscope (two app processes) on one throwaway PostgreSQL 15, against the harness's real HAProxy.
// One leads and polls; the other serves what it publishes. flappy1 goes DOWN, the leader is killed with kill -9, the
// other takes over, flappy1 comes back: the down alert fired once and was resolved by the new leader; history has
// both changes and no gap longer than the takeover; a client of the surviving replica's streams saw every alert
// change in the log's order, and every snapshot change chained (each from the one before), across the takeover.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import type { AlertsDto } from '../lib/api/alerts-dto';
import type { HealthDto } from '../lib/api/schemas/health';
import type { HistoryDto } from '../lib/api/history-dto';
import { STREAM_ID_HEADER, type SnapshotDto } from '../lib/api/snapshot-dto';
import { POSTGRES, startPostgres, type PostgresServer } from '../lib/store/postgres-fixture';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const INSTANCE = 'pg';
const BACKEND = 'flappy_backend';
const SERVER = 'flappy1';
const FLAPPY = E2E.agents.flappy1!.controlUrl;
const POLL_MS = 500;
const LEASE_MS = 2000;

interface Replica {
  name: string;
  base: string;
  app: SpecApp;
}

let postgres: PostgresServer | null = null;
let databaseUrl = '';
let dataDir = '';
const replicas: Replica[] = [];

async function startReplica(name: string, port: number): Promise<Replica> {
  const app = await startSpecApp({
    host: E2E.host,
    port,
    env: {
      HAPROXY_STATS_URL: `${INSTANCE}=${E2E.statsUrl}`,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      POLL_INTERVAL_MS: String(POLL_MS),
      LEADER_LEASE_MS: String(LEASE_MS),
      ALERT_DOWN_GRACE_MS: '0',
      K8S_ENABLED: 'false',
    },
  });
  const replica = { name, base: app.url, app };
  replicas.push(replica);
  return replica;
}

async function role(replica: Replica): Promise<HealthDto['role'] | null> {
  const res = await fetch(`${replica.base}/api/v1/health`).catch(() => null);
  return res?.ok ? ((await res.json()) as HealthDto).role : null;
}

async function flappyStatus(replica: Replica): Promise<string | null> {
  const res = await fetch(`${replica.base}/api/v1/snapshot`).catch(() => null);
  if (!res?.ok) return null;
  const backend = ((await res.json()) as SnapshotDto).backends.find(
    (b) => b.instance === INSTANCE && b.name === BACKEND,
  );
  return backend?.servers.find((s) => s.name === SERVER)?.status ?? null;
}

interface SseEvent {
  id: string;
  event: string;
  data: string;
}

/** Reads a Server-Sent Events response as it comes, until `stop` aborts it. */
function readStream(url: string, headers: Record<string, string>, stop: AbortSignal): SseEvent[] {
  const events: SseEvent[] = [];
  void (async () => {
    const res = await fetch(url, { headers, signal: stop });
    if (!res.ok || !res.body) throw new Error(`${url}: ${res.status}`);
    const decoder = new TextDecoder();
    const reader = res.body.getReader();
    let buffered = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffered += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .filter((line) => line.startsWith(`${name}: `) || line.startsWith(`${name}:`))
            .map((line) => line.slice(name.length + 1).replace(/^ /, ''))
            .join('\n');
        if (field('event')) events.push({ id: field('id'), event: field('event'), data: field('data') });
      }
    }
  })().catch(() => {});
  return events;
}

test.skip(!POSTGRES.available && !process.env.CI, POSTGRES.reason);

test.beforeAll(async () => {
  test.setTimeout(90_000);
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-replicas-e2e-'));
});
test.afterAll(async () => {
  try {
    await setAgentMode(FLAPPY, 'ok');
  } finally {
    replicas.forEach((replica) => replica.app.kill());
    await postgres?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});
test.afterEach(({}, info) => {
  if (info.status !== info.expectedStatus)
    for (const r of replicas) console.log(`[${r.name}]\n${r.app.output().slice(-4000)}`);
});

test('kill -9 of the leader: the other replica takes over; one alert, no history gap, its streams in order', async () => {
  test.setTimeout(90_000);
  await setAgentMode(FLAPPY, 'ok');
  const first = await startReplica('first', E2E_SPEC_PORTS.replicaApp1);
  await expect.poll(() => role(first), { timeout: 15_000 }).toBe('leader');
  await expect.poll(() => flappyStatus(first), { timeout: 15_000 }).toBe('UP');
  const second = await startReplica('second', E2E_SPEC_PORTS.replicaApp2);
  expect(await role(second)).toBe('follower');
  // The follower shows the leader's polls.
  await expect.poll(() => flappyStatus(second), { timeout: 15_000 }).toBe('UP');

  // A client of the surviving replica's streams, from now on.
  const stop = new AbortController();
  const { lastEventId } = (await (await fetch(`${second.base}/api/v1/alerts`)).json()) as AlertsDto;
  const alertEvents = readStream(
    `${second.base}/api/v1/alerts/stream`,
    { 'last-event-id': String(lastEventId) },
    stop.signal,
  );
  const snapshot = await fetch(`${second.base}/api/v1/snapshot`);
  const followFrom = snapshot.headers.get(STREAM_ID_HEADER)!;
  expect(followFrom).toMatch(/^.+\.\d+$/);
  const deltas = readStream(
    `${second.base}/api/v1/snapshot/stream?after=${encodeURIComponent(followFrom)}`,
    {},
    stop.signal,
  );

  // flappy1 goes down: the leader fires the alert; the follower shows it.
  const startedAt = Date.now();
  await setAgentMode(FLAPPY, 'fail');
  await expect.poll(() => flappyStatus(second), { timeout: 15_000 }).toBe('DOWN');
  await expect
    .poll(async () => alertEvents.filter((e) => e.event === 'alert').map((e) => JSON.parse(e.data).change))
    .toContain('fired');

  // kill -9 of the leader; the follower takes over within a tick of the election plus a poll.
  first.app.kill();
  const killedAt = Date.now();
  await expect
    .poll(() => role(second), { timeout: 2 * POLL_MS + LEASE_MS + 5_000, intervals: [50] })
    .toBe('leader');
  const tookOverMs = Date.now() - killedAt;
  expect(tookOverMs).toBeLessThanOrEqual(2 * POLL_MS + LEASE_MS);

  // flappy1 comes back: the new leader records it and resolves the alert.
  await setAgentMode(FLAPPY, 'ok');
  await expect.poll(() => flappyStatus(second), { timeout: 15_000 }).toBe('UP');
  await expect
    .poll(async () => alertEvents.filter((e) => e.event === 'alert').map((e) => JSON.parse(e.data).change))
    .toEqual(expect.arrayContaining(['fired', 'resolved']));
  await new Promise((resolve) => setTimeout(resolve, 3 * POLL_MS));
  stop.abort();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // One alert for flappy1's downtime, fired once and resolved once.
    const { rows: changes } = await client.query<{ alert_id: string; change: string }>(
      `SELECT e.alert_id, e.change FROM alert_events e JOIN alerts a ON a.id = e.alert_id
       WHERE a.kind = 'down' AND a.server = $1 ORDER BY e.seq`,
      [SERVER],
    );
    expect(changes.map((c) => c.change)).toEqual(['fired', 'resolved']);
    expect(new Set(changes.map((c) => c.alert_id)).size).toBe(1);

    // The surviving replica's alert stream: every change after its start, once each, in the log's order.
    const { rows: log } = await client.query<{ seq: number }>(
      'SELECT seq::int AS seq FROM alert_events WHERE seq > $1 ORDER BY seq',
      [lastEventId],
    );
    expect(alertEvents.filter((e) => e.event === 'alert').map((e) => Number(e.id))).toEqual(
      log.map((r) => r.seq),
    );
  } finally {
    await client.end();
  }

  // Its snapshot stream: no reset, each change from the one before, and a new leader's term after the takeover.
  expect(deltas.map((e) => e.event)).not.toContain('reset');
  const chain = deltas
    .filter((e) => e.event === 'delta')
    .map((e) => JSON.parse(e.data) as { from: string; to: string });
  expect(chain.length).toBeGreaterThan(5);
  expect(chain[0]!.from).toBe(followFrom);
  chain.slice(1).forEach((delta, i) => expect(delta.from).toBe(chain[i]!.to));
  const terms = [...new Set(chain.map((d) => d.to.split('.')[0]))];
  expect(terms).toHaveLength(2);

  // History: down (recorded by the first) and up (by the second), no gap longer than the takeover and a poll.
  const res = await fetch(`${second.base}/api/v1/servers/${INSTANCE}/${BACKEND}/${SERVER}/history?range=1h`);
  const history = (await res.json()) as HistoryDto;
  const since = history.transitions.filter((t) => t.from !== t.to && Date.parse(t.at) >= startedAt - 1000);
  expect(since.map((t) => `${t.from}→${t.to}`)).toEqual(['UP→DOWN', 'DOWN→UP']);
  const gaps = history.noData
    .map((gap) => ({ from: Date.parse(gap.from), to: Date.parse(gap.to) }))
    .filter((gap) => gap.to > startedAt && gap.from < Date.now() - 2 * POLL_MS)
    .map((gap) => gap.to - Math.max(gap.from, startedAt));
  expect(Math.max(0, ...gaps)).toBeLessThanOrEqual(tookOverMs + 2 * POLL_MS);
  console.log(
    `[replicas] takeover after kill -9: ${tookOverMs} ms (poll ${POLL_MS} ms, lease ${LEASE_MS} ms)`,
  );
});
