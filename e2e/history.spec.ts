// History that survives: a real downtime shows in the backend page's uptime bar and events list, and the history
// store keeps everything across a kill -9 of the app (with polling resuming after the restart).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { BackendHistoryDto, EventDto, EventsDto, HistoryDto } from '../lib/api/history-dto';
import type { SnapshotDto } from '../lib/api/snapshot-dto';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_TOPOLOGY } from './harness/e2e-topology';
import { harnessRunsHaproxy3, requestThroughFrontend } from './harness/haproxy';

const POLL_MS = E2E.pollIntervalMs;
const CODESERVER = E2E_TOPOLOGY.backends.find((b) => b.name === 'codeserver_backend')!.check!;
/** HAProxy calls a server DOWN after `fall` failed checks, one every `inter`. */
const DETECTION_MS = CODESERVER.fall * CODESERVER.inter;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function serverStatus(
  request: APIRequestContext,
  base: string,
  instance: string,
  backend: string,
  server: string,
): Promise<string | null> {
  const res = await request.get(`${base}/api/v1/snapshot`).catch(() => null);
  if (!res?.ok()) return null;
  const snapshot = (await res.json()) as SnapshotDto;
  const b = snapshot.backends.find((x) => x.instance === instance && x.name === backend);
  return b?.servers.find((s) => s.name === server)?.status ?? null;
}

async function eventsOf(request: APIRequestContext, base: string, server: string): Promise<EventDto[]> {
  const res = await request.get(`${base}/api/v1/events?range=1h&limit=1000`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as EventsDto).events.filter((e) => e.server === server);
}

test.describe('history', () => {
  test('a downtime of agent1 shows in its uptime bar and in the events list', async ({ page, request }) => {
    const status = () => serverStatus(request, E2E.appUrl, 'main', 'codeserver_backend', 'agent1');
    await expect.poll(status, { timeout: 15_000 }).toBe('UP');

    const failStart = Date.now();
    await setAgentMode(E2E.agents.agent1!.controlUrl, 'fail');
    let downSeenAt: number;
    try {
      await expect.poll(status, { timeout: DETECTION_MS + 4 * POLL_MS, intervals: [250] }).toBe('DOWN');
      downSeenAt = Date.now();
      await sleep(5_000);
    } finally {
      await setAgentMode(E2E.agents.agent1!.controlUrl, 'ok');
    }
    await expect.poll(status, { timeout: 15_000, intervals: [250] }).toBe('UP');
    const upSeenAt = Date.now();

    // The API: one UP → DOWN event for this downtime, back-dated from HAProxy's lastchg.
    const down = (await eventsOf(request, E2E.appUrl, 'agent1')).find(
      (e) =>
        e.instance === 'main' &&
        e.backend === 'codeserver_backend' &&
        e.from === 'UP' &&
        e.to === 'DOWN' &&
        Date.parse(e.at) >= failStart - 1000,
    );
    expect(down, 'an UP → DOWN event for agent1 after it started failing').toBeDefined();
    const startOffsetMs = Date.parse(down!.at) - failStart;
    // HAProxy needs fall × inter (3 × 1 s) of failing checks to call agent1 DOWN, and the app sees that at its next
    // poll (≤ 1 s later) — but `at` is back-dated from lastchg, so at most detection + one poll, plus 500 ms for
    // lastchg's whole seconds and the check schedule not starting exactly when the agent flipped.
    expect(startOffsetMs).toBeGreaterThanOrEqual(-1000);
    expect(startOffsetMs).toBeLessThanOrEqual(DETECTION_MS + POLL_MS + 500);
    // It lasted about as long as we saw it DOWN (each end known to within a poll and lastchg's second).
    const seenDownSec = (upSeenAt - downSeenAt!) / 1000;
    expect(down!.durationSec).not.toBeNull();
    expect(Math.abs(down!.durationSec! - seenDownSec)).toBeLessThanOrEqual(3);
    test.info().annotations.push({
      type: 'downtime start − agent failing',
      description: `${startOffsetMs} ms (duration ${down!.durationSec} s, seen DOWN for ${seenDownSec.toFixed(1)} s)`,
    });

    // The page: agent1's bar has a DOWN cell saying why, and the events list has the same event.
    await page.goto('/backends/main/codeserver_backend?range=1h&server=agent1');
    const bar = page.getByTestId('uptime-bar-agent1');
    const downCell = bar.locator('[data-state="down"]').first();
    await expect(downCell).toBeVisible();
    await expect(downCell).toHaveAttribute('aria-label', /DOWN .*L7STS 503/);
    await expect(
      page.getByTestId('uptime-bar-backend').locator('[data-state="degraded"]').first(),
    ).toBeVisible();
    const row = page.locator(
      `[data-testid="event-row"][data-server="agent1"][data-from="UP"][data-to="DOWN"][data-at="${Date.parse(down!.at)}"]`,
    );
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-duration-sec', String(down!.durationSec));
    await expect(row).toContainText('L7STS 503');
    await expect(page.getByTestId('chart-latency')).toBeVisible();
  });

  test('range and server live in the URL and survive a reload', async ({ page }) => {
    await page.goto('/backends/main/codeserver_backend');
    await expect(page.getByTestId('range-24h')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('range-6h').click();
    await expect(page).toHaveURL(/range=6h/);
    await page.getByTestId('server-uptime-agent2').getByRole('button', { name: 'agent2' }).click();
    // Next.js syncs each history.replaceState into useSearchParams in order; once the page shows agent2, the
    // earlier range sync has landed too and cannot rewrite the URL after we read it (a reload right after the
    // click could otherwise load the URL as that first sync wrote it, without server=).
    await expect(page.getByTestId('server-select')).toHaveValue('agent2');
    await expect(page).toHaveURL(/server=agent2/);
    await expect(page).toHaveURL(/range=6h/);
    const length = await page.evaluate(() => history.length);
    await page.reload();
    await expect(page.getByTestId('range-6h')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('server-select')).toHaveValue('agent2');
    expect(await page.evaluate(() => history.length)).toBe(length);
  });
});

test.describe("a backend's own traffic", () => {
  const GRAFANA = ['grafana1', 'grafana2'];
  const statuses = (request: APIRequestContext) =>
    Promise.all(GRAFANA.map((s) => serverStatus(request, E2E.appUrl, 'main', 'grafana_backend', s)));

  test('with no usable server the backend records the 503s HAProxy answers itself; its servers none', async ({
    page,
    request,
  }) => {
    await expect.poll(() => statuses(request), { timeout: 15_000 }).toEqual(['UP', 'UP']);
    const from = Date.now();
    const answered: number[] = [];
    await Promise.all(GRAFANA.map((s) => setAgentMode(E2E.agents[s]!.controlUrl, 'fail')));
    try {
      await expect
        .poll(() => statuses(request), { timeout: DETECTION_MS + 4 * POLL_MS, intervals: [250] })
        .toEqual(['DOWN', 'DOWN']);
      // 10 requests a second for 3 s; the app polls every second and takes rates between polls.
      for (let second = 0; second < 3; second++) {
        const batch = Array.from({ length: 10 }, () =>
          requestThroughFrontend(E2E.frontendUrl, 'grafana.example.com'),
        );
        answered.push(...(await Promise.all(batch)).map((a) => a.status));
        await sleep(1000);
      }
      await sleep(2 * POLL_MS);
    } finally {
      await Promise.all(GRAFANA.map((s) => setAgentMode(E2E.agents[s]!.controlUrl, 'ok')));
    }
    expect(new Set(answered)).toEqual(new Set([503]));

    const res = await request.get(`${E2E.appUrl}/api/v1/backends/main/grafana_backend/history?from=${from}`);
    expect(res.ok()).toBe(true);
    const own = (await res.json()) as BackendHistoryDto;
    expect(own.resolution).toBe('raw');
    // 30 answers over ~3 s: several a second in the backend's own row (each poll's rate, not averaged away).
    expect(Math.max(...own.samples.map((s) => s.http5xxRate ?? 0))).toBeGreaterThan(2);
    // 2.6 counts the bytes of those 503s in the backend's bout; 3.4 does not (checked against both binaries).
    const bytesOut = Math.max(...own.samples.map((s) => s.bytesOutRate ?? 0));
    if (harnessRunsHaproxy3()) expect(bytesOut).toBe(0);
    else expect(bytesOut).toBeGreaterThan(0);
    for (const server of GRAFANA) {
      const history = (await (
        await request.get(`${E2E.appUrl}/api/v1/servers/main/grafana_backend/${server}/history?from=${from}`)
      ).json()) as HistoryDto;
      expect(history.samples.length, server).toBeGreaterThan(0);
      expect(Math.max(...history.samples.map((s) => s.http5xxRate ?? 0)), server).toBe(0);
    }
    await expect.poll(() => statuses(request), { timeout: 15_000, intervals: [250] }).toEqual(['UP', 'UP']);

    await page.goto('/backends/main/grafana_backend?range=1h');
    const traffic = page.getByTestId('backend-traffic');
    const plot = (chart: string) =>
      traffic.getByTestId(chart).locator('svg.recharts-surface[role="application"]');
    for (const chart of ['chart-response-time', 'chart-errors', 'chart-bytes-rate'])
      await expect(plot(chart), chart).toBeVisible();
    // The burst reached the chart: its value axis tops above the 4/s it shows for a series of zeros.
    const perSecond = async () =>
      (await plot('chart-errors').locator('text').allTextContents())
        .filter((text) => text.endsWith('/s'))
        .map((text) => parseFloat(text));
    await expect.poll(async () => Math.max(0, ...(await perSecond()))).toBeGreaterThan(4);
    await expect(page.getByTestId('history-charts').getByTestId('chart-errors')).toBeVisible();
  });

  test('a backend never recorded is not found', async ({ request }) => {
    const res = await request.get(`${E2E.appUrl}/api/v1/backends/main/no_such_backend/history?range=1h`);
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

test.describe('history across kill -9', () => {
  const port = E2E.appPort + 1;
  const base = `http://${E2E.host}:${port}`;
  // Made in beforeAll: Playwright also loads this file just to list tests, and that must leave nothing behind.
  let dataDir = '';
  let app: ChildProcess | null = null;
  let output = '';

  function startApp(): ChildProcess {
    // detached: npx → node → next-server is a process group we can SIGKILL as a whole.
    const child = spawn('node', ['server.mjs', '-p', String(port), '-H', E2E.host], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HAPROXY_STATS_URL: `e2e=${E2E.statsUrl}`,
        POLL_INTERVAL_MS: String(POLL_MS),
        DATA_DIR: dataDir,
        K8S_ENABLED: 'false',
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
      },
    });
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    return child;
  }
  const killApp = (signal: NodeJS.Signals) => {
    if (app?.pid) {
      try {
        process.kill(-app.pid, signal);
      } catch {
        // already gone
      }
    }
    app = null;
  };

  test.beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-kill9-'));
  });
  test.afterAll(() => {
    killApp('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  test.afterEach(({}, info) => {
    if (info.status !== info.expectedStatus) console.log(`[app on ${port}]\n${output.slice(-4000)}`);
  });

  test('the history is all there after kill -9 and a restart, and polling resumes', async ({ request }) => {
    test.setTimeout(120_000);
    const grafana2 = E2E.agents.grafana2!.controlUrl;
    const status = () => serverStatus(request, base, 'e2e', 'grafana_backend', 'grafana2');
    const history = async () => {
      const res = await request.get(`${base}/api/v1/servers/e2e/grafana_backend/grafana2/history?range=1h`);
      return (await res.json()) as HistoryDto;
    };

    app = startApp();
    await expect.poll(status, { timeout: 30_000 }).toBe('UP');
    await setAgentMode(grafana2, 'fail');
    try {
      await expect.poll(status, { timeout: 10_000, intervals: [250] }).toBe('DOWN');
      await sleep(2_000);
    } finally {
      await setAgentMode(grafana2, 'ok');
    }
    await expect.poll(status, { timeout: 10_000, intervals: [250] }).toBe('UP');
    const eventsBefore = await eventsOf(request, base, 'grafana2');
    expect(eventsBefore.some((e) => e.from === 'UP' && e.to === 'DOWN')).toBe(true);
    const before = await history();
    const lastSampleBefore = Date.parse(before.samples.at(-1)!.at);

    // Mid-poll: the app polls every second and writes each poll; a random instant lands in or near one.
    await sleep(Math.random() * POLL_MS);
    killApp('SIGKILL');
    const killedAt = Date.now();
    await expect.poll(() => status(), { timeout: 5_000 }).toBeNull();

    app = startApp();
    await expect.poll(status, { timeout: 30_000 }).toBe('UP');

    // Everything from before the kill is still there: the same events, and every sample up to the last one seen.
    const eventsAfter = await eventsOf(request, base, 'grafana2');
    const key = (e: EventDto) => `${e.at} ${e.from} ${e.to}`;
    expect(eventsAfter.filter((e) => Date.parse(e.at) <= killedAt).map(key)).toEqual(eventsBefore.map(key));
    const after = await history();
    const kept = after.samples.filter((s) => Date.parse(s.at) <= lastSampleBefore);
    expect(kept.map((s) => s.at)).toEqual(before.samples.map((s) => s.at));
    expect(after.transitions.slice(0, before.transitions.length).map((t) => t.at)).toEqual(
      before.transitions.map((t) => t.at),
    );

    // Polling resumed: covered time grows again, and a second downtime is recorded as it happens.
    // (Samples are compact, written on change or every 30 s, so their count alone says little.)
    const upSecAfter = after.uptime.upSec;
    await expect
      .poll(async () => (await history()).uptime.upSec, { timeout: 10_000 })
      .toBeGreaterThan(upSecAfter + 2);
    await setAgentMode(grafana2, 'fail');
    try {
      await expect.poll(status, { timeout: 10_000, intervals: [250] }).toBe('DOWN');
    } finally {
      await setAgentMode(grafana2, 'ok');
    }
    await expect.poll(status, { timeout: 10_000, intervals: [250] }).toBe('UP');
    const downs = (await eventsOf(request, base, 'grafana2')).filter(
      (e) => e.from === 'UP' && e.to === 'DOWN',
    );
    expect(downs.filter((e) => Date.parse(e.at) > killedAt)).toHaveLength(1);
    expect(downs.filter((e) => Date.parse(e.at) <= killedAt)).toHaveLength(
      eventsBefore.filter((e) => e.from === 'UP' && e.to === 'DOWN').length,
    );
    test.info().annotations.push({
      type: 'kill -9',
      description: `${before.samples.length} samples and ${eventsBefore.length} events kept`,
    });
  });
});
