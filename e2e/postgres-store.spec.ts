// History and alerts on a real PostgreSQL (DATABASE_URL: a throwaway PostgreSQL 15, lib/store/postgres-fixture.ts)
// against the harness's real HAProxy: flappy1 goes DOWN and comes back, the history and the down alert (fired,
// resolved, acknowledged) are in the API and the pages; after kill -9 and a restart on the same database all of it is
// still there and polling resumes. DATA_DIR never gets a SQLite file.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import pg from 'pg';
import type { AlertDto, AlertsDto } from '../lib/api/alerts-dto';
import type { HistoryDto, TransitionDto } from '../lib/api/history-dto';
import type { SnapshotDto } from '../lib/api/snapshot-dto';
import { POSTGRES, startPostgres, type PostgresServer } from '../lib/store/postgres-fixture';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const PORT = E2E_SPEC_PORTS.postgresStoreApp;
const BASE = `http://${E2E.host}:${PORT}`;
const INSTANCE = 'pg';
const BACKEND = 'flappy_backend';
const SERVER = 'flappy1'; // checks every 250 ms, fall 2 / rise 2: DOWN and back within a second each way
const FLAPPY = E2E.agents.flappy1!.controlUrl;
const HISTORY_PAGE = `${BASE}/backends/${INSTANCE}/${BACKEND}?range=1h&server=${SERVER}`;
const fast = { timeout: 10_000, intervals: [100] };

let postgres: PostgresServer | null = null;
let databaseUrl = '';
let dataDir = '';
let app: SpecApp | null = null;
/** What the first test did and saw, for the ones after it (serial). */
const seen = { failAt: 0, downAt: 0, okAt: 0, upAt: 0, alertId: '', ackedAt: '', ackedBy: '' };

async function startApp(): Promise<void> {
  app = await startSpecApp({
    host: E2E.host,
    port: PORT,
    env: {
      HAPROXY_STATS_URL: `${INSTANCE}=${E2E.statsUrl}`,
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      POLL_INTERVAL_MS: '500',
      ALERT_DOWN_GRACE_MS: '0',
      K8S_ENABLED: 'false',
    },
  });
}

function killApp(): void {
  app?.kill();
  app = null;
}

async function status(request: APIRequestContext): Promise<string | null> {
  const res = await request.get(`${BASE}/api/v1/snapshot`).catch(() => null);
  if (!res?.ok()) return null;
  const backend = ((await res.json()) as SnapshotDto).backends.find(
    (b) => b.instance === INSTANCE && b.name === BACKEND,
  );
  return backend?.servers.find((s) => s.name === SERVER)?.status ?? null;
}

async function downAlerts(request: APIRequestContext): Promise<AlertDto[]> {
  const { alerts } = (await (await request.get(`${BASE}/api/v1/alerts`)).json()) as AlertsDto;
  return alerts.filter(
    (a) => a.kind === 'down' && a.target.instance === INSTANCE && a.target.server === SERVER,
  );
}

async function history(request: APIRequestContext): Promise<HistoryDto> {
  const res = await request.get(`${BASE}/api/v1/servers/${INSTANCE}/${BACKEND}/${SERVER}/history?range=1h`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as HistoryDto;
}

/** Status changes (not UP → UP 1/2) since `from`, as `UP→DOWN`. */
const changesSince = (transitions: TransitionDto[], from: number) =>
  transitions.filter((t) => t.from !== t.to && Date.parse(t.at) >= from).map((t) => `${t.from}→${t.to}`);

const alertItem = (page: Page, list: 'firing-list' | 'resolved-list') =>
  page.getByTestId(list).locator(`[data-testid="alert-item"][data-alert-id="${seen.alertId}"]`);

test.describe.configure({ mode: 'serial' });
test.skip(!POSTGRES.available && !process.env.CI, POSTGRES.reason);

test.beforeAll(async () => {
  test.setTimeout(60_000);
  postgres = await startPostgres();
  databaseUrl = await postgres.createDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-pg-e2e-'));
  await startApp();
});
test.afterAll(async () => {
  try {
    await setAgentMode(FLAPPY, 'ok');
  } finally {
    killApp();
    await postgres?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});
test.afterEach(({}, info) => {
  if (info.status !== info.expectedStatus)
    console.log(`[app on ${PORT}]\n${app?.output().slice(-4000) ?? ''}`);
});

test('a downtime fires the down alert and resolves it, in the API and the alert center; it is acknowledged', async ({
  page,
  request,
}) => {
  await expect.poll(() => status(request), { timeout: 15_000 }).toBe('UP');
  await page.goto(`${BASE}/alerts`);
  await expect(page.getByTestId('alert-stream-status')).toHaveAttribute('data-state', 'open');

  seen.failAt = Date.now();
  await setAgentMode(FLAPPY, 'fail');
  await expect.poll(() => status(request), fast).toBe('DOWN');
  seen.downAt = Date.now();
  await expect.poll(async () => (await downAlerts(request)).map((a) => a.state), fast).toEqual(['firing']);
  const [firing] = await downAlerts(request);
  seen.alertId = firing!.id;
  // Fired after the agent started failing (lastchg's whole seconds may back-date it by up to one), before we saw it.
  expect(Date.parse(firing!.firedAt)).toBeGreaterThanOrEqual(seen.failAt - 1000);
  expect(Date.parse(firing!.firedAt)).toBeLessThanOrEqual(Date.now());
  await expect(alertItem(page, 'firing-list')).toBeVisible();

  seen.okAt = Date.now();
  await setAgentMode(FLAPPY, 'ok');
  await expect.poll(() => status(request), fast).toBe('UP');
  seen.upAt = Date.now();
  await expect.poll(async () => (await downAlerts(request)).map((a) => a.state), fast).toEqual(['resolved']);
  const [resolved] = await downAlerts(request);
  expect(resolved!.id).toBe(seen.alertId);
  expect(Date.parse(resolved!.resolvedAt!)).toBeGreaterThanOrEqual(seen.okAt - 1000);
  await expect(alertItem(page, 'resolved-list')).toHaveAttribute('data-state', 'resolved');
  await expect(alertItem(page, 'resolved-list').getByTestId('ack-info')).toHaveCount(0);

  // As the alert center sends it: a same-origin JSON POST (the app runs with AUTH_MODE=none).
  const ackFrom = Date.now();
  const ack = await request.post(`${BASE}/api/v1/alerts/${encodeURIComponent(seen.alertId)}/ack`, {
    headers: { origin: BASE, 'content-type': 'application/json' },
    data: '{}',
  });
  expect(ack.status()).toBe(200);
  const [acked] = await downAlerts(request);
  expect(Date.parse(acked!.acknowledgedAt!)).toBeGreaterThanOrEqual(ackFrom);
  expect(Date.parse(acked!.acknowledgedAt!)).toBeLessThanOrEqual(Date.now());
  expect(acked!.acknowledgedBy).not.toBeNull();
  seen.ackedAt = acked!.acknowledgedAt!;
  seen.ackedBy = acked!.acknowledgedBy!;
  await expect(alertItem(page, 'resolved-list').getByTestId('ack-info')).toBeVisible();
});

test("the downtime is in the history API and on the server's history page", async ({ page, request }) => {
  const { transitions } = await history(request);
  expect(changesSince(transitions, seen.failAt - 1000)).toEqual(['UP→DOWN', 'DOWN→UP']);
  const down = transitions.find((t) => t.from === 'UP' && t.to === 'DOWN')!;
  const up = transitions.find((t) => t.from === 'DOWN' && t.to === 'UP')!;
  // Each back-dated from HAProxy's lastchg (whole seconds): between our change and our seeing it, give or take 1 s.
  expect(Date.parse(down.at)).toBeGreaterThanOrEqual(seen.failAt - 1000);
  expect(Date.parse(down.at)).toBeLessThanOrEqual(seen.downAt + 1000);
  expect(Date.parse(up.at)).toBeGreaterThanOrEqual(seen.okAt - 1000);
  expect(Date.parse(up.at)).toBeLessThanOrEqual(seen.upAt + 1000);

  await page.goto(HISTORY_PAGE);
  await expect(
    page.locator(
      `[data-testid="event-row"][data-server="${SERVER}"][data-from="UP"][data-to="DOWN"][data-at="${Date.parse(down.at)}"]`,
    ),
  ).toBeVisible();

  // It is PostgreSQL's: the rows are in the fixture's database, and DATA_DIR has no SQLite file.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT acked_by FROM alerts WHERE id = $1', [seen.alertId]);
    expect(rows).toEqual([{ acked_by: seen.ackedBy }]);
  } finally {
    await client.end();
  }
  expect(readdirSync(dataDir).filter((f) => f.startsWith('hapscope.db'))).toEqual([]);
});

test('after kill -9 and a restart on the same database the history and the acknowledged alert are there; polling resumes', async ({
  page,
  request,
}) => {
  const before = await history(request);
  killApp();
  await expect.poll(() => status(request), { timeout: 5_000 }).toBeNull();
  const restartedAt = Date.now();
  await startApp();
  await expect.poll(() => status(request), { timeout: 15_000 }).toBe('UP');

  const after = await history(request);
  const key = (t: TransitionDto) => `${t.at} ${t.from}→${t.to}`;
  expect(after.transitions.filter((t) => Date.parse(t.at) < restartedAt).map(key)).toEqual(
    before.transitions.map(key),
  );
  expect(changesSince(after.transitions, seen.failAt - 1000)).toEqual(['UP→DOWN', 'DOWN→UP']);
  const [alert] = await downAlerts(request);
  expect(alert).toMatchObject({
    id: seen.alertId,
    state: 'resolved',
    acknowledgedAt: seen.ackedAt,
    acknowledgedBy: seen.ackedBy,
  });
  await page.goto(`${BASE}/alerts`);
  await expect(alertItem(page, 'resolved-list').getByTestId('ack-info')).toBeVisible();

  // Polling resumed: samples after the restart, and a second downtime recorded as it happens.
  await expect
    .poll(
      async () => (await history(request)).samples.filter((s) => Date.parse(s.at) > restartedAt).length,
      fast,
    )
    .toBeGreaterThan(0);
  const failAgainAt = Date.now();
  await setAgentMode(FLAPPY, 'fail');
  await expect.poll(() => status(request), fast).toBe('DOWN');
  await setAgentMode(FLAPPY, 'ok');
  await expect.poll(() => status(request), fast).toBe('UP');
  expect(changesSince((await history(request)).transitions, failAgainAt - 1000)).toEqual([
    'UP→DOWN',
    'DOWN→UP',
  ]);
  await page.goto(HISTORY_PAGE);
  await expect(
    page.locator(`[data-testid="event-row"][data-server="${SERVER}"][data-from="UP"][data-to="DOWN"]`),
  ).toHaveCount(2);
  expect(readdirSync(dataDir).filter((f) => f.startsWith('hapscope.db'))).toEqual([]);
});
