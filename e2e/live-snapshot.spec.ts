// The overview follows the snapshot's change stream (GET /api/v1/snapshot/stream) against the real HAProxy of the
// harness: after the first load a tab asks for no whole snapshot again, sees a server go DOWN and come back, and
// converges to what a fresh load of the page shows — after following every change, after missing changes while
// its stream was cut, after the server restarted under it, and after being hidden long enough to let go of it.
import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startSpecApp, type SpecApp } from './harness/spec-app';
import { startTcpRelay } from './harness/tcp-relay';

const POLL_MS = 500;
const AGENT1 = E2E.agents.agent1!;
const PORT = E2E_SPEC_PORTS.liveSnapshotApp;
const DATA_DIR = `/tmp/hapscope-live-snapshot-${PORT}`;
const env = {
  HAPROXY_STATS_URL: `main=${E2E.statsUrl}`,
  POLL_INTERVAL_MS: String(POLL_MS),
  K8S_ENABLED: 'false',
};

const badgeOf = (page: Page, backend: string, server: string) =>
  page.getByTestId(`server-row-main-${backend}-${server}`).getByTestId('status-badge');

/** What the overview shows of every server and backend: each row's status, as the DOM has it. */
function shownState(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid^="server-row-"]')].map((row) => {
      const badge = row.querySelector('[data-testid="status-badge"]');
      return `${row.getAttribute('data-testid')} ${badge?.getAttribute('data-status')} ${badge?.textContent}`;
    });
    const backends = [...document.querySelectorAll('[data-testid="backend-status-badge"]')].map(
      (badge) => `backend ${badge.getAttribute('data-status')} ${badge.textContent}`,
    );
    return [...rows, ...backends].sort();
  });
}

/** A fresh page's view of the same moment, loaded whole; the live tab must show the same once both settled. */
async function expectSameAsFreshLoad(live: Page, url: string) {
  const fresh = await live.context().newPage();
  await fresh.goto(url);
  await expect(badgeOf(fresh, 'codeserver_backend', 'agent1')).toBeVisible();
  await expect
    .poll(async () => JSON.stringify(await shownState(live)) === JSON.stringify(await shownState(fresh)), {
      timeout: 10_000,
    })
    .toBe(true);
  expect((await shownState(live)).length).toBeGreaterThan(5);
  await fresh.close();
}

test.describe('live overview', () => {
  let app: SpecApp;
  test.beforeAll(async () => {
    app = await startSpecApp({ host: E2E.host, port: PORT, env: { ...env, DATA_DIR } });
  });
  test.afterAll(async () => {
    await setAgentMode(AGENT1.controlUrl, 'ok');
    await app?.stop();
    rmSync(DATA_DIR, { recursive: true, force: true });
  });

  test('a tab follows the stream: no whole snapshot after the first, a DOWN and an UP seen, the same as a fresh load', async ({
    page,
  }) => {
    const wholeLoads: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/v1/snapshot') wholeLoads.push(req.url());
    });
    const streams: string[] = [];
    page.on('request', (req) => {
      if (new URL(req.url()).pathname === '/api/v1/snapshot/stream') streams.push(req.url());
    });
    await page.goto(app.url);
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    await setAgentMode(AGENT1.controlUrl, 'fail');
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'DOWN', {
      timeout: 20_000,
    });
    await expectSameAsFreshLoad(page, app.url);
    await setAgentMode(AGENT1.controlUrl, 'ok');
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP', {
      timeout: 20_000,
    });
    expect(wholeLoads).toHaveLength(1); // every change since came over the stream
    expect(streams.length).toBeGreaterThanOrEqual(1);
    expect(new URL(streams[0]!).searchParams.get('after')).toMatch(/^[\w-]+\.\d+$/);
  });

  test('a tab whose stream was cut for a while gets what it missed and converges', async ({ page }) => {
    // The tab reaches hapscope through a relay that can be cut: the open stream goes, and every try to reconnect.
    const relay = await startTcpRelay({
      host: E2E.host,
      port: E2E_SPEC_PORTS.liveSnapshotRelay,
      target: { host: E2E.host, port: PORT },
    });
    const viaRelay = `http://${E2E.host}:${relay.port}`;
    const replays: string[] = [];
    const wholeLoads: string[] = [];
    page.on('request', async (req) => {
      const path = new URL(req.url()).pathname;
      if (path === '/api/v1/snapshot') wholeLoads.push(req.url());
      const last = (await req.allHeaders())['last-event-id'];
      if (path === '/api/v1/snapshot/stream' && last) replays.push(last);
    });
    await page.goto(viaRelay);
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    await relay.cut();
    await setAgentMode(AGENT1.controlUrl, 'fail'); // while the tab hears nothing
    await page.waitForTimeout(8 * POLL_MS);
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    await relay.restore();
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'DOWN', {
      timeout: 20_000,
    });
    await expectSameAsFreshLoad(page, viaRelay);
    console.log(
      `after the cut: ${replays.length} resumes with Last-Event-ID, ${wholeLoads.length - 1} whole loads`,
    );
    // Converged without loading the whole snapshot again: the browser's EventSource came back with its last id and
    // the server replayed what it missed (Playwright does not always show that request's Last-Event-ID header).
    expect(wholeLoads).toHaveLength(1);
    await setAgentMode(AGENT1.controlUrl, 'ok');
    await relay.close();
  });

  test('a tab that outlives a restart of hapscope follows the new process', async ({ page }) => {
    await page.goto(app.url);
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    await app.stop();
    await setAgentMode(AGENT1.controlUrl, 'fail'); // changes while no hapscope runs
    app = await startSpecApp({ host: E2E.host, port: PORT, env: { ...env, DATA_DIR } });
    // The browser's EventSource reconnects with its last id; the new process says reset; the tab loads afresh.
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'DOWN', {
      timeout: 30_000,
    });
    await expectSameAsFreshLoad(page, app.url);
    await setAgentMode(AGENT1.controlUrl, 'ok');
  });

  test('a hidden tab lets go of its stream and catches up when shown again', async ({ page }) => {
    await page.goto(app.url);
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    await expect.poll(() => snapshotStreamClients(app.url), { timeout: 10_000 }).toBe(1);
    await setVisibility(page, 'hidden');
    // After a quick switch of tabs the stream stays; hidden longer (10 s), the tab lets go of it.
    await expect.poll(() => snapshotStreamClients(app.url), { timeout: 20_000 }).toBe(0);
    await setAgentMode(AGENT1.controlUrl, 'fail'); // while the tab follows nothing
    await page.waitForTimeout(8 * POLL_MS);
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    await setVisibility(page, 'visible');
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'DOWN', {
      timeout: 10_000,
    });
    await expect.poll(() => snapshotStreamClients(app.url), { timeout: 10_000 }).toBe(1);
    await expectSameAsFreshLoad(page, app.url);
    await setAgentMode(AGENT1.controlUrl, 'ok');
  });
});

/** Open snapshot change streams, as hapscope's /metrics counts them. */
async function snapshotStreamClients(appUrl: string): Promise<number> {
  const text = await fetch(`${appUrl}/metrics`).then((r) => r.text());
  const match = /^hapscope_snapshot_stream_clients(?:\{[^}]*\})? (\d+)/m.exec(text);
  return match ? Number(match[1]) : -1;
}

/** What the browser does when the tab is switched away from and back: the page is told, and reads its state. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((to) => {
    Object.defineProperty(document, 'visibilityState', { value: to, configurable: true });
    Object.defineProperty(document, 'hidden', { value: to === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}
