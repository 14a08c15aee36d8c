// The overview, as an operator sees it, against the real HAProxy the harness runs (app polls every 1 s).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E } from './harness/e2e-topology';
import { harnessHaproxyVersion, requestThroughFrontend, runtimeAdmin } from './harness/haproxy';

const POLL_MS = 1000;
const serverRow = (page: Page, backend: string, server: string, instance = 'main') =>
  page.getByTestId(`server-row-${instance}-${backend}-${server}`);
const badgeOf = (page: Page, backend: string, server: string) =>
  serverRow(page, backend, server).getByTestId('status-badge');

/** Records every status/transition the badge of one server shows, as the browser renders it. */
async function recordBadge(page: Page, testId: string): Promise<() => Promise<string[]>> {
  await page.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const note = () => {
      const badge = document.querySelector(`[data-testid="${id}"] [data-testid="status-badge"]`);
      if (!badge) return;
      const state = `${badge.getAttribute('data-status')}/${badge.getAttribute('data-transition')}`;
      if (seen.at(-1) !== state) seen.push(state);
    };
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, testId);
  return () => page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
}

test.describe('overview', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(serverRow(page, 'codeserver_backend', 'agent1')).toBeVisible();
  });

  test('lists the backends and servers of the real HAProxy with their state', async ({ page }) => {
    await expect(page.getByTestId('backend-row-main-codeserver_backend')).toBeVisible();
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    const agent2 = serverRow(page, 'codeserver_backend', 'agent2');
    await expect(agent2).toContainText(/backup/i);
    await page.getByTestId('search-input').fill('api3');
    await expect(badgeOf(page, 'api_backend', 'api3')).toHaveAttribute('data-status', 'MAINT');
    await page.getByTestId('search-input').fill('static1');
    await expect(badgeOf(page, 'static_backend', 'static1')).toHaveAttribute('data-status', 'NOCHECK');
  });

  test('an agent answering 503 goes going-down then DOWN, then going-up and UP', async ({ page }) => {
    await page.getByTestId('search-input').fill('agent1');
    const id = 'server-row-main-codeserver_backend-agent1';
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP');
    const seen = await recordBadge(page, id);
    const failedAt = Date.now();
    await setAgentMode(E2E.agents.agent1!.controlUrl, 'fail');
    try {
      // HAProxy needs fall (3) × inter (1 s) to call it DOWN; the dashboard then has three poll intervals.
      await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'DOWN', {
        timeout: 3 * 1000 + 3 * POLL_MS,
      });
      const downAfterMs = Date.now() - failedAt;
      expect(await seen()).toEqual(['UP/none', 'UP/going-down', 'DOWN/none']);
      await expect(page.getByTestId('backend-row-main-codeserver_backend')).toContainText(/backup/i);
      test.info().annotations.push({ type: 'agent 503 → DOWN shown', description: `${downAfterMs} ms` });
    } finally {
      await setAgentMode(E2E.agents.agent1!.controlUrl, 'ok');
    }
    await expect(badgeOf(page, 'codeserver_backend', 'agent1')).toHaveAttribute('data-status', 'UP', {
      timeout: 3 * 1000 + 3 * POLL_MS,
    });
    expect(await seen()).toEqual(['UP/none', 'UP/going-down', 'DOWN/none', 'DOWN/going-up', 'UP/none']);
  });

  test('a server disabled over the runtime socket shows MAINT, not DOWN', async ({ page }) => {
    await page.getByTestId('search-input').fill('agent2');
    await runtimeAdmin(E2E.socketPath, 'disable server codeserver_backend/agent2');
    try {
      await expect(badgeOf(page, 'codeserver_backend', 'agent2')).toHaveAttribute('data-status', 'MAINT', {
        timeout: 3 * POLL_MS,
      });
    } finally {
      await runtimeAdmin(E2E.socketPath, 'enable server codeserver_backend/agent2');
    }
    await expect(badgeOf(page, 'codeserver_backend', 'agent2')).toHaveAttribute('data-status', 'UP', {
      timeout: 5 * POLL_MS,
    });
  });

  test('a source with wrong credentials shows its error while the others stay live', async ({ page }) => {
    const bad = page.getByTestId('source-card-badauth');
    await expect(bad.getByTestId('source-error')).toContainText('HTTP 401');
    await expect(bad.getByTestId('source-error')).toContainText('check the credentials');
    const main = page.getByTestId('source-card-main');
    await expect(main.getByTestId('source-status')).toHaveText(/ok/i);
    // 2.6's stats page shows the whole version, 3.x only its branch ("Updates (v3.4)"): the source card says so.
    const [major, minor] = harnessHaproxyVersion().split('.');
    await expect(main).toContainText(`HAProxy ${major}.${minor}`);
    await expect(page.getByTestId('source-card-sock').getByTestId('source-status')).toHaveText(/ok/i);
    // Live: the main source's data keeps moving while badauth fails.
    await page.getByTestId('search-input').fill('agent3');
    await runtimeAdmin(E2E.socketPath, 'disable server codeserver_backend/agent3');
    try {
      await expect(badgeOf(page, 'codeserver_backend', 'agent3')).toHaveAttribute('data-status', 'MAINT', {
        timeout: 3 * POLL_MS,
      });
    } finally {
      await runtimeAdmin(E2E.socketPath, 'enable server codeserver_backend/agent3');
    }
  });

  test('"problems only" keeps the servers that need a look, and the URL keeps it', async ({ page }) => {
    await page.getByTestId('search-input').fill('api');
    await expect(serverRow(page, 'api_backend', 'api1')).toBeVisible();
    await page.getByTestId('problems-toggle').click();
    await expect(serverRow(page, 'api_backend', 'api3')).toBeVisible();
    await expect(serverRow(page, 'api_backend', 'api1')).toHaveCount(0);
    await expect(page).toHaveURL(/problems=1/);
    await page.reload();
    await expect(serverRow(page, 'api_backend', 'api3')).toBeVisible();
    await expect(serverRow(page, 'api_backend', 'api1')).toHaveCount(0);
    await expect(page.getByTestId('search-input')).toHaveValue('api');
  });

  test('frontends: each with its status, mode, sessions, requests, responses and bytes, per instance', async ({
    page,
  }) => {
    const section = page.getByTestId('frontends');
    await expect(section.getByRole('heading', { name: 'Frontends' })).toBeVisible();
    const www = section.locator('[data-testid="frontend-www"][data-instance="main"]');
    await expect(www).toContainText('http');
    await expect(www.getByTestId('frontend-status')).toHaveText('OPEN');
    await expect(www.getByTestId('frontend-sessions')).toHaveText(/^\d[\d,]* \/ \d[\d,]* \/ [\d,]+$/);
    await expect(www.getByTestId('frontend-bytes-in')).toHaveText(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
    await expect(section.locator('[data-testid="frontend-stats"][data-instance="main"]')).toBeVisible();
    // main and sock read the same HAProxy: the section says which instance each line belongs to.
    await expect(section.getByTestId('frontends-instance-sock')).toContainText('sock');
    await expect(section.locator('[data-testid="frontend-www"][data-instance="sock"]')).toBeVisible();
    // Closed, the section still tells how many there are.
    await section.getByText('Frontends', { exact: true }).click();
    await expect(www).toBeHidden();
    await section.getByText('Frontends', { exact: true }).click();
    await expect(www).toBeVisible();
  });

  test('a server whose traffic gets 500s: its 5xx rate and its backend’s are flagged, in text too', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.getByTestId('search-input').fill('grafana_backend');
    const grafana2 = E2E.agents.grafana2!.controlUrl;
    // status:500 answers traffic with 500 and health checks with 200: the server stays UP.
    await setAgentMode(grafana2, 'status:500');
    try {
      const traffic = (async () => {
        for (let i = 0; i < 6; i++) {
          await Promise.all(
            Array.from({ length: 8 }, () => requestThroughFrontend(E2E.frontendUrl, 'grafana.example.com')),
          );
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      })();
      const flagged = serverRow(page, 'grafana_backend', 'grafana2').locator('[data-col="http-5xx-rate"]');
      await expect(flagged).toHaveAttribute('data-abnormal', 'true', { timeout: 3 * POLL_MS + 3000 });
      await expect(flagged).toContainText('abnormal: at least 5 % of responses are 5xx');
      await expect(flagged).toContainText(/\/s · \d+%/);
      const backendCell = page
        .getByTestId('backend-row-main-grafana_backend')
        .locator('[data-col="http-5xx-rate"]');
      await expect(backendCell).toHaveAttribute('data-abnormal', 'true');
      const healthy = serverRow(page, 'grafana_backend', 'grafana1').locator('[data-col="http-5xx-rate"]');
      await expect(healthy).not.toHaveAttribute('data-abnormal', 'true');
      await traffic;
    } finally {
      await setAgentMode(grafana2, 'ok');
    }
  });

  test('no credential in the page, the API or any JS chunk', async ({ page, request }) => {
    const secrets = [E2E.password, E2E.wrongPassword];
    const bodies: string[] = [
      await (await request.get('/')).text(),
      await (await request.get('/api/v1/snapshot')).text(),
    ];
    bodies.push(await page.content());
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) bodies.push(await (await request.get(src)).text());
    for (const body of bodies) for (const secret of secrets) expect(body).not.toContain(secret);
    // Every chunk the build produced, loaded or not.
    const files = listFiles(path.join(process.cwd(), '.next', 'static'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const secret of secrets) expect(text, file).not.toContain(secret);
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
