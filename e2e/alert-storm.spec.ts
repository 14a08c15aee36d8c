// An alert storm in the browser: seven alerts fire at once (six servers behind one agent, and their backend), more
// than the toasts show. The first four keep their toasts while the rest are counted in one overflow toast; when the
// agent answers again the shown ones turn into resolutions in place and the overflow counts the others. A real
// HAProxy of its own (so its servers going down disturb no other spec), its own app, real Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startAgent, type Agent } from './harness/agents';
import { E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startHaproxy, writeHaproxyConfig, type HaproxyHandle, type Topology } from './harness/haproxy';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const HOST = '127.0.0.1';
const BASE = E2E_SPEC_PORTS.alertStorm;
const SERVERS = ['s1', 's2', 's3', 's4', 's5', 's6'];
const TOPOLOGY: Topology = {
  host: HOST,
  statsPort: BASE + 1,
  authStatsPort: BASE + 2,
  frontendPort: BASE + 3,
  auth: { user: 'admin', password: 'storm-e2e' },
  timeoutCheckMs: 1000,
  agents: [{ name: 'storm', port: BASE + 5 }],
  backends: [
    {
      name: 'storm_backend',
      host: 'storm.example.com',
      check: { inter: 500, fall: 2, rise: 2 },
      servers: SERVERS.map((name) => ({ name, agent: 'storm' })),
    },
  ],
};
/** Six servers DOWN and their backend without a usable server. */
const ALERTS = SERVERS.length + 1;
/** Toasts shown one by one (components/alerts/toast-queue.ts MAX_TOASTS). */
const SHOWN = 4;

let app: SpecApp | null = null;
let haproxy: HaproxyHandle | null = null;
let agent: Agent | null = null;
let dir = '';

async function statuses(): Promise<string[]> {
  const snapshot = (await fetch(`${app!.url}/api/v1/snapshot`, { cache: 'no-store' }).then((r) =>
    r.json(),
  )) as {
    backends: { servers: { status: string }[] }[];
  };
  return snapshot.backends.flatMap((b) => b.servers.map((s) => s.status));
}

async function firingAlerts(): Promise<number> {
  const list = (await fetch(`${app!.url}/api/v1/alerts`, { cache: 'no-store' }).then((r) => r.json())) as {
    alerts: { state: string }[];
  };
  return list.alerts.filter((a) => a.state === 'firing').length;
}

const toastIds = (page: Page) =>
  page
    .getByTestId('alert-toast')
    .evaluateAll((toasts) => toasts.map((t) => t.getAttribute('data-alert-id')).sort());

test.describe('an alert storm: the toasts stay readable', () => {
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-storm-'));
    agent = await startAgent({ name: 'storm', port: BASE + 5, host: HOST });
    const files = await writeHaproxyConfig(TOPOLOGY, dir);
    haproxy = await startHaproxy({ configPath: files.configPath });
    app = await startSpecApp({
      host: HOST,
      port: BASE + 9,
      env: {
        HAPROXY_STATS_URL: `storm=http://${HOST}:${TOPOLOGY.statsPort}/stats`,
        POLL_INTERVAL_MS: '1000',
        DATA_DIR: path.join(dir, 'data'),
        K8S_ENABLED: 'false',
        ALERT_DOWN_GRACE_MS: '0',
      },
    });
    await expect.poll(statuses, { timeout: 20_000 }).toEqual(SERVERS.map(() => 'UP'));
  });

  test.afterAll(async () => {
    await app?.stop();
    await haproxy?.stop();
    await agent?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('seven alerts at once: four toasts kept, the rest counted in one overflow toast, resolutions in place', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto(`${app!.url}/`);
    await expect(page.getByTestId('server-row-storm-storm_backend-s1')).toBeVisible();
    await expect(page.getByTestId('alert-toast')).toHaveCount(0);

    await agent!.setMode('fail');
    await expect.poll(firingAlerts, { timeout: 30_000 }).toBe(ALERTS);
    const overflow = page.getByTestId('alert-toast-overflow');
    await expect(overflow).toContainText(`${ALERTS - SHOWN} more alert changes`);
    await expect(overflow).toContainText(`${ALERTS - SHOWN} fired, 0 resolved since`);
    await expect(overflow.getByRole('link', { name: 'Alert center' })).toHaveAttribute('href', '/alerts');
    const toasts = page.getByTestId('alert-toast');
    await expect(toasts).toHaveCount(SHOWN);
    await expect(page.locator('[data-testid="alert-toast"][data-change="fired"]')).toHaveCount(SHOWN);
    // The first four stayed: none was pushed out by a later alert of the storm.
    const shown = await toastIds(page);
    expect(shown).toHaveLength(SHOWN);
    // Every alert is in the tab's alert list all the same: the title counts all seven.
    await expect(page).toHaveTitle(new RegExp(`^\\(${ALERTS}\\) `));

    await agent!.setMode('ok');
    await expect.poll(firingAlerts, { timeout: 30_000 }).toBe(0);
    await expect(overflow).toContainText(`${2 * (ALERTS - SHOWN)} more alert changes`);
    await expect(overflow).toContainText(`${ALERTS - SHOWN} fired, ${ALERTS - SHOWN} resolved since`);
    // The shown alerts' resolutions replaced their own toasts.
    await expect(page.locator('[data-testid="alert-toast"][data-change="resolved"]')).toHaveCount(SHOWN);
    expect(await toastIds(page)).toEqual(shown);
    // Resolutions leave by themselves; an overflow that counted firing alerts stays until dismissed.
    await expect(toasts).toHaveCount(0, { timeout: 15_000 });
    await expect(overflow).toBeVisible();
    await overflow.getByRole('button', { name: /^Dismiss: / }).click();
    await expect(overflow).toHaveCount(0);
  });
});
