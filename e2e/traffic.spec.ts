// Traffic through a real HAProxy of its own (so its reload disturbs no other spec) to agents this spec controls:
// one answering 500, one slow, one never given a session; the app under test polls it every second.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startAgent, type Agent } from './harness/agents';
import { E2E_SPEC_PORTS } from './harness/e2e-topology';
import {
  requestThroughFrontend,
  startHaproxy,
  writeHaproxyConfig,
  type HaproxyHandle,
  type Topology,
} from './harness/haproxy';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const HOST = '127.0.0.1';
const BASE = E2E_SPEC_PORTS.traffic;
const SLOW_MS = 700;
const TOPOLOGY: Topology = {
  host: HOST,
  statsPort: BASE + 1,
  authStatsPort: BASE + 2,
  frontendPort: BASE + 3,
  auth: { user: 'admin', password: 'traffic-e2e' },
  timeoutCheckMs: 2000,
  agents: [
    { name: 'err1', port: BASE + 5, mode: 'status:500' },
    { name: 'slow1', port: BASE + 6 },
    { name: 'web1', port: BASE + 7 },
    { name: 'idle1', port: BASE + 8 },
  ],
  backends: [
    { name: 'errors_backend', host: 'errors.example.com', check: CHECK(), servers: [{ name: 'err1' }] },
    { name: 'slow_backend', host: 'slow.example.com', check: CHECK(), servers: [{ name: 'slow1' }] },
    {
      name: 'web_backend',
      host: 'web.example.com',
      check: CHECK(),
      // a backup never gets a session while its active server is up: HAProxy's lastsess stays -1 ("never")
      servers: [{ name: 'web1' }, { name: 'idle1', backup: true }],
    },
  ],
};
function CHECK() {
  return { inter: 1000, fall: 3, rise: 2 };
}
const FRONTEND_URL = `http://${HOST}:${TOPOLOGY.frontendPort}/`;

interface Rates {
  http5xx: number | null;
  requests: number | null;
  [key: string]: number | null;
}
interface ServerView {
  name: string;
  status: string;
  lastSessionSec: number | null;
  counters: Record<string, number | null>;
  rates: Rates;
  times: { responseMs: number | null; totalMs: number | null };
}
interface Snapshot {
  backends: { name: string; counters: Record<string, number | null>; rates: Rates; servers: ServerView[] }[];
  frontends: {
    name: string;
    requestRate: { current: number | null; max: number | null };
    counters: Record<string, number | null>;
    rates: Rates;
    listeners: { name: string }[];
  }[];
}

let app: SpecApp | null = null;
let haproxy: HaproxyHandle | null = null;
const agents: Agent[] = [];
let dir = '';

async function snapshot(): Promise<Snapshot> {
  return (await fetch(`${app!.url}/api/v1/snapshot`, { cache: 'no-store' }).then((r) =>
    r.json(),
  )) as Snapshot;
}
async function server(backend: string, name: string): Promise<ServerView | undefined> {
  return (await snapshot()).backends.find((b) => b.name === backend)?.servers.find((s) => s.name === name);
}

/** `count` requests through HAProxy's frontend, `perSecond` at a time; resolves with the statuses seen. */
async function sendTraffic(host: string, count: number, perSecond = 10): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < count; sent += perSecond) {
    const batch = Math.min(perSecond, count - sent);
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: batch }, () => requestThroughFrontend(FRONTEND_URL, host, 5000)),
    );
    statuses.push(...answers.map((a) => a.status));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (Date.now() - started))));
  }
  return statuses;
}

test.describe('traffic: response codes, response times, last session, frontends, reload', () => {
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-traffic-'));
    for (const spec of TOPOLOGY.agents) agents.push(await startAgent({ ...spec, host: HOST }));
    const files = await writeHaproxyConfig(TOPOLOGY, dir);
    haproxy = await startHaproxy({ configPath: files.configPath });
    app = await startSpecApp({
      host: HOST,
      port: BASE + 10,
      env: {
        HAPROXY_STATS_URL: `traffic=http://${HOST}:${TOPOLOGY.statsPort}/stats`,
        POLL_INTERVAL_MS: '1000',
        DATA_DIR: path.join(dir, 'data'),
        K8S_ENABLED: 'false',
        ALERT_DOWN_GRACE_MS: '3000',
      },
    });
    // every server UP before any traffic
    await expect
      .poll(async () => (await snapshot()).backends.flatMap((b) => b.servers.map((s) => s.status)), {
        timeout: 20_000,
      })
      .toEqual(['UP', 'UP', 'UP', 'UP']);
  });

  test.afterAll(async () => {
    await app?.stop();
    await haproxy?.stop();
    for (const agent of agents) await agent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an agent answering 500: the 5xx count and rate rise in the API, the table and the chart, and the 5xx alert fires', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const traffic = sendTraffic('errors.example.com', 200, 10);
    await expect
      .poll(async () => (await server('errors_backend', 'err1'))?.rates.http5xx ?? 0, { timeout: 15_000 })
      .toBeGreaterThan(5);
    const during = (await server('errors_backend', 'err1'))!;
    expect(during.status).toBe('UP'); // its checks pass: only its traffic fails
    expect(during.counters.http5xx).toBeGreaterThan(0);
    expect(during.counters.http2xx).toBe(0);

    await expect
      .poll(
        async () => {
          const body = (await fetch(`${app!.url}/api/v1/alerts`).then((r) => r.json())) as {
            alerts: { kind: string; state: string; target: { backend: string | null } }[];
          };
          return body.alerts.some(
            (a) => a.kind === 'http-5xx' && a.state === 'firing' && a.target.backend === 'errors_backend',
          );
        },
        { timeout: 20_000 },
      )
      .toBe(true);

    await page.goto(`${app!.url}/?q=err1`);
    await expectFiveXxCell(page, 'err1');

    const statuses = await traffic;
    expect(statuses.every((status) => status === 500)).toBe(true);
    await page.goto(`${app!.url}/backends/traffic/errors_backend`);
    await expectErrorsChart(page);
  });

  test('an agent answering slowly: rtime and ttime rise to its delay', async ({ page }) => {
    test.setTimeout(60_000);
    const before = (await server('slow_backend', 'slow1'))!;
    expect(before.times.responseMs ?? 0).toBeLessThan(SLOW_MS);
    await agents.find((a) => a.name === 'slow1')!.setMode(`slow:${SLOW_MS}`);
    await sendTraffic('slow.example.com', 20, 5);
    await expect
      .poll(async () => (await server('slow_backend', 'slow1'))?.times.responseMs ?? 0, { timeout: 10_000 })
      .toBeGreaterThan(SLOW_MS / 4); // HAProxy averages over its last 1024 requests, with the earlier fast ones
    const after = (await server('slow_backend', 'slow1'))!;
    expect(after.times.totalMs!).toBeGreaterThanOrEqual(after.times.responseMs!);
    await page.goto(`${app!.url}/?q=slow1`);
    await expectResponseTimeCell(page, 'slow1', after.times.responseMs!);
    await agents.find((a) => a.name === 'slow1')!.setMode('ok');
  });

  test('a server never given a session shows "never"; one that was, the seconds since', async ({ page }) => {
    await sendTraffic('web.example.com', 3, 3);
    await expect
      .poll(async () => (await server('web_backend', 'web1'))?.lastSessionSec, { timeout: 5_000 })
      .not.toBeNull();
    const web1 = (await server('web_backend', 'web1'))!;
    expect(web1.lastSessionSec!).toBeLessThan(10);
    expect((await server('web_backend', 'idle1'))!.lastSessionSec).toBeNull();
    await page.goto(`${app!.url}/?q=web_backend`);
    await expectLastSession(page, 'idle1', /never/);
    await expectLastSession(page, 'web1', /^\d+\s?s/);
  });

  test('a frontend shows its request rate, in the API and on the overview', async ({ page }) => {
    test.setTimeout(60_000);
    const traffic = sendTraffic('web.example.com', 60, 10);
    // HAProxy's own req_rate (its last second) and hapscope's rate of req_tot (since the previous poll) both rise
    const www = async () => (await snapshot()).frontends.find((f) => f.name === 'www');
    await expect
      .poll(
        async () => {
          const frontend = await www();
          return (frontend?.requestRate.current ?? 0) > 0 && (frontend?.rates.requests ?? 0) > 0;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const frontend = (await www())!;
    // batches of 10 a second: one poll interval (about 1 s) holds at most two of them
    expect(frontend.rates.requests!).toBeLessThanOrEqual(25);
    expect(frontend.listeners.length).toBeGreaterThan(0); // option socket-stats
    await page.goto(`${app!.url}/`);
    await expectFrontendRow(page, 'www');
    await traffic;
  });

  test('a reload puts HAProxy’s counters back to zero: no negative rate, no spike', async () => {
    test.setTimeout(60_000);
    await sendTraffic('errors.example.com', 30, 10);
    await expect
      .poll(async () => (await server('errors_backend', 'err1'))?.counters.http5xx ?? 0, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(30);
    const err1Before = (await server('errors_backend', 'err1'))!;
    await haproxy!.reload();
    // a little traffic after the reload, at a known pace: no rate may exceed what was sent
    const traffic = sendTraffic('errors.example.com', 20, 5);
    const seen: number[] = [];
    const deadline = Date.now() + 6_000;
    while (Date.now() < deadline) {
      const now = await snapshot();
      for (const backend of now.backends) {
        for (const entity of [backend, ...backend.servers]) {
          for (const rate of Object.values(entity.rates)) if (rate !== null) seen.push(rate);
        }
      }
      for (const frontend of now.frontends) {
        for (const rate of Object.values(frontend.rates)) if (rate !== null) seen.push(rate);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await traffic;
    const after = (await server('errors_backend', 'err1'))!;
    expect(after.counters.http5xx).toBeLessThan(err1Before.counters.http5xx!); // the counters did go back
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    // 5 requests a second, each one request, one response and a few hundred bytes; requests/responses stay ≤ 5/s
    const err1Rates = after.rates;
    expect(err1Rates.http5xx!).toBeLessThanOrEqual(5.5);
    expect(err1Rates.requests ?? 0).toBeLessThanOrEqual(5.5);
  });
});

// --- what the browser shows: the selectors follow the overview's and the backend page's markup ---

async function expectFiveXxCell(page: Page, serverName: string) {
  const cell = page.getByTestId(`cell-${serverName}-http5xxRate`);
  await expect(cell).toBeVisible({ timeout: 10_000 });
  await expect(cell).not.toHaveText(/^(0|—|–)$/);
  await expect(cell).toHaveAttribute('data-abnormal', 'true');
}

async function expectResponseTimeCell(page: Page, serverName: string, ms: number) {
  const cell = page.getByTestId(`cell-${serverName}-responseMs`);
  await expect(cell).toBeVisible({ timeout: 10_000 });
  await expect(cell).toContainText(String(Math.floor(ms / 100)));
}

async function expectLastSession(page: Page, serverName: string, text: RegExp) {
  const cell = page.getByTestId(`cell-${serverName}-lastSession`);
  await expect(cell).toHaveText(text, { timeout: 10_000 });
}

async function expectFrontendRow(page: Page, name: string) {
  const row = page.getByTestId(`frontend-${name}`);
  await expect(row).toBeVisible({ timeout: 10_000 });
  await expect(row.getByTestId('frontend-request-rate')).not.toHaveText(/^0/);
}

async function expectErrorsChart(page: Page) {
  // The backend's own series and the server's: each errors chart's value axis tops above the 4/s it shows for a
  // series of zeros (the agent answered about 10 requests a second, all 500).
  for (const scope of ['backend-traffic', 'history-charts']) {
    const plot = page
      .getByTestId(scope)
      .getByTestId('chart-errors')
      .locator('svg.recharts-surface[role="application"]');
    await expect(plot, scope).toBeVisible({ timeout: 15_000 });
    const axisTop = async () =>
      Math.max(
        0,
        ...(await plot.locator('text').allTextContents())
          .filter((text) => text.endsWith('/s'))
          .map((text) => parseFloat(text)),
      );
    await expect.poll(axisTop, { message: scope, timeout: 15_000 }).toBeGreaterThan(4);
  }
}
