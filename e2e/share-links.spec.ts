// Share links for wikis (api-v1.md "Access"), in real Chromium against an app of its own (sign-in on, its own
// store) on the harness's real HAProxy: a wiki page on another origin frames a server panel and shows badges
// through share links, until they are revoked; without a link the frame says it needs one; a link for one server
// reads that server only; an admin creates a link in the Share dialog and revokes it on the admin page.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { write } from './harness/app-requests';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const APP_PORT = E2E_SPEC_PORTS.shareLinksApp;
const WIKI = `http://127.0.0.5:${E2E_SPEC_PORTS.shareLinksWiki}`;
const ADMIN_PASSWORD = 'share-links-spec-admin';
const VIEWER_PASSWORD = 'share-links-spec-viewer';

interface ServerRef {
  instance: string;
  backend: string;
  server: string;
}
/** A: the shared server (api1 stays UP: no spec drives its agent). B: a server of another backend. */
const A: ServerRef = { instance: 'main', backend: 'api_backend', server: 'api1' };
const B: ServerRef = { instance: 'main', backend: 'grafana_backend', server: 'grafana1' };

const targetKey = (s: ServerRef) => `${s.instance}/${s.backend}/${s.server}`;
const withToken = (url: string, token?: string) =>
  token ? `${url}${url.includes('?') ? '&' : '?'}token=${token}` : url;
const serverEmbed = (s: ServerRef, token?: string, panel = 'server') =>
  withToken(`/embed/${panel}?instance=${s.instance}&backend=${s.backend}&server=${s.server}`, token);
const serverBadge = (s: ServerRef, token?: string) =>
  withToken(`/api/v1/badge/server/${s.instance}/${s.backend}/${s.server}.svg`, token);
const backendBadge = (s: ServerRef, token?: string) =>
  withToken(`/api/v1/badge/backend/${s.instance}/${s.backend}.svg`, token);
const historyUrl = (s: ServerRef) =>
  `/api/v1/servers/${s.instance}/${s.backend}/${s.server}/history?range=1h`;
const titleOf = (svg: string) => /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';

/** A stand-in wiki: `/?src=…` frames each embed path, `/?img=…` shows each badge path, both of `app`. */
function wikiPage(app: string, url: URL): string {
  const frames = url.searchParams
    .getAll('src')
    .map(
      (src, i) =>
        `<iframe id="f${i}" src="${app}${src}" width="100%" height="240" style="border:0"></iframe>`,
    );
  const images = url.searchParams
    .getAll('img')
    .map((src, i) => `<img id="b${i}" src="${app}${src}" alt="badge">`);
  return `<!doctype html><html><head><title>wiki</title></head><body style="width:800px">${frames.join('\n')}${images.join('\n')}</body></html>`;
}

const wikiUrl = (frames: string[], images: string[] = []) =>
  `${WIKI}/?${new URLSearchParams([...frames.map((f) => ['src', f]), ...images.map((i) => ['img', i])])}`;

/** Badge requests the page made, and hapscope's answers. */
function badgeAnswers(page: Page): { path: string; status: number }[] {
  const seen: { path: string; status: number }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/v1/badge/'))
      seen.push({ path: url.pathname, status: response.status() });
  });
  return seen;
}

test.describe('share links for wikis', () => {
  let app: SpecApp;
  let dataDir: string;
  let wiki: http.Server;
  let admin: APIRequestContext;

  async function mint(body: { panel: string; target: string; label?: string; expiresInDays?: number }) {
    const res = await write(admin, app, 'post', '/api/v1/shares', body);
    expect(res.status(), await res.text()).toBe(201);
    const created = (await res.json()) as { share: { id: string; state: string }; token: string };
    expect(created.share.state).toBe('active');
    expect(created.token).toMatch(/^hss_[0-9a-f]{16}_/);
    return { id: created.share.id, token: created.token };
  }

  async function revoke(id: string) {
    expect((await write(admin, app, 'delete', `/api/v1/shares/${id}`)).status()).toBe(204);
  }

  /** As a wiki reader's browser or an image proxy asks: no cookie, no header. */
  const anonymous = (url: string, init?: RequestInit) =>
    fetch(`${app.url}${url}`, { cache: 'no-store', ...init });
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(90_000);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-share-links-'));
    app = await startSpecApp({
      host: E2E.host,
      port: APP_PORT,
      env: {
        HAPROXY_STATS_URL: `main=${E2E.statsUrl}`,
        POLL_INTERVAL_MS: String(E2E.pollIntervalMs),
        K8S_ENABLED: 'false',
        DATA_DIR: dataDir,
        AUTH_MODE: 'local',
        HAPSCOPE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        EMBED_ALLOWED_ORIGINS: `'self' ${WIKI}`,
        PUBLIC_EMBEDS: 'false',
      },
    });
    const { hostname, port } = new URL(WIKI);
    wiki = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(wikiPage(app.url, new URL(req.url ?? '/', WIKI)));
    });
    await new Promise<void>((resolve, reject) => {
      wiki.once('error', reject);
      wiki.listen(Number(port), hostname, resolve);
    });
    admin = await playwright.request.newContext();
    const signIn = await write(admin, app, 'post', '/api/v1/auth/signin', {
      name: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(signIn.status(), await signIn.text()).toBe(200);
    const viewer = { name: 'vicky', role: 'viewer', password: VIEWER_PASSWORD };
    expect((await write(admin, app, 'post', '/api/v1/users', viewer)).status()).toBe(201);
    // The app has polled HAProxy: A is there, and UP.
    await expect
      .poll(
        async () => {
          const snapshot = (await (await admin.get(`${app.url}/api/v1/snapshot`)).json()) as {
            backends: { name: string; servers: { name: string; status: string }[] }[];
          };
          const backend = snapshot.backends.find((b) => b.name === A.backend);
          return backend?.servers.find((s) => s.name === A.server)?.status ?? null;
        },
        { timeout: 20_000 },
      )
      .toBe('UP');
  });

  test.afterAll(async () => {
    await admin?.dispose();
    if (wiki) {
      wiki.closeAllConnections();
      await new Promise((resolve) => wiki.close(resolve));
    }
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a wiki frames a server panel and shows badges through share links; revoked, it says so', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const frameLink = await mint({ panel: 'server', target: targetKey(A), label: 'team wiki' });
    const badgeLink = await mint({
      panel: 'backend',
      target: `${A.instance}/${A.backend}`,
      expiresInDays: 30,
    });
    // Every load reaches hapscope, as a new reader's does: a badge is cached publicly for a poll or so.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const answers = badgeAnswers(page);
    const badges = [serverBadge(A, frameLink.token), backendBadge(A, badgeLink.token)];

    await page.goto(wikiUrl([serverEmbed(A, frameLink.token)], badges));
    const card = page.frameLocator('#f0').getByTestId('embed-server');
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card.getByRole('heading')).toContainText(A.server);
    await expect(card.getByTestId('status-badge')).toHaveAttribute('data-status', 'UP', { timeout: 15_000 });
    await expect(page.frameLocator('#f0').getByTestId('embed-problem')).toHaveCount(0);
    for (const id of ['#b0', '#b1'])
      await expect
        .poll(() => page.locator(id).evaluate((img) => (img as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);

    // What the badges say, read as a reader's browser reads them.
    const serverRes = await anonymous(badges[0]!);
    expect(serverRes.status).toBe(200);
    expect(serverRes.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(titleOf(await serverRes.text())).toBe('api1: up');
    const backendRes = await anonymous(badges[1]!);
    expect(backendRes.status).toBe(200);
    expect(titleOf(await backendRes.text())).toMatch(/^api_backend: (up|backup)/);

    await revoke(frameLink.id);
    await revoke(badgeLink.id);
    const listed = (await (await admin.get(`${app.url}/api/v1/shares`)).json()) as {
      shares: { id: string; state: string; revokedBy: string | null }[];
    };
    expect(listed.shares.filter((s) => s.id === frameLink.id || s.id === badgeLink.id)).toEqual([
      expect.objectContaining({ state: 'revoked', revokedBy: 'admin' }),
      expect.objectContaining({ state: 'revoked', revokedBy: 'admin' }),
    ]);

    // The reader reloads the wiki page (its load waits for the frame and both images).
    await expect
      .poll(
        async () => {
          answers.length = 0;
          await page.reload();
          return answers.map((a) => a.status);
        },
        { timeout: 20_000, intervals: [2_000] },
      )
      .toEqual([401, 401]);
    await expect(page.frameLocator('#f0').getByTestId('embed-problem')).toContainText(
      'This share link was revoked',
    );
    await expect(page.frameLocator('#f0').getByTestId('embed-server')).toHaveCount(0);
    for (const [badge, label] of [
      [badges[0]!, 'api1'],
      [badges[1]!, 'api_backend'],
    ] as const) {
      const res = await anonymous(badge);
      expect(res.status, badge).toBe(401);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const svg = await res.text();
      expect(svg).toContain('unauthorized');
      expect(titleOf(svg)).toBe(`${label}: unauthorized`);
      expect(svg).toContain('fill="#9f9f9f"');
    }
  });

  test('without a share link the frame says it needs one; a link for another server or panel says so', async ({
    page,
  }) => {
    const link = await mint({ panel: 'server', target: targetKey(A) });
    await page.goto(
      wikiUrl([serverEmbed(A), serverEmbed(B, link.token), serverEmbed(A, link.token, 'latency')]),
    );
    await expect(page.frameLocator('#f0').getByTestId('embed-problem')).toContainText(
      'This embed needs a share link (ask a hapscope admin)',
    );
    await expect(page.frameLocator('#f1').getByTestId('embed-problem')).toContainText(
      'This share link is for another panel',
    );
    await expect(page.frameLocator('#f2').getByTestId('embed-problem')).toContainText(
      'This share link is for another panel',
    );
    for (const badge of [serverBadge(A), serverBadge(B, link.token)]) {
      const res = await anonymous(badge);
      expect(res.status, badge).toBe(401);
      expect(titleOf(await res.text())).toMatch(/: unauthorized$/);
    }
  });

  test('a share link for server A reads A only: its backend in the snapshot, not B’s history', async () => {
    const status = await mint({ panel: 'server', target: targetKey(A) });
    const chart = await mint({ panel: 'latency', target: targetKey(A) });

    const snapshot = (await (await anonymous('/api/v1/snapshot', bearer(status.token))).json()) as {
      instances: { name: string }[];
      backends: { instance: string; name: string; servers: { name: string }[] }[];
      frontends: unknown[];
    };
    expect(snapshot.backends.map((b) => `${b.instance}/${b.name}`)).toEqual([`${A.instance}/${A.backend}`]);
    expect(snapshot.backends[0]!.servers.map((s) => s.name)).toEqual([A.server]);
    expect(snapshot.frontends).toEqual([]);
    expect(snapshot.instances.map((i) => i.name)).toEqual(['main']);
    const whole = (await (await admin.get(`${app.url}/api/v1/snapshot`)).json()) as { backends: unknown[] };
    expect(whole.backends.length).toBeGreaterThan(1);

    // The chart's link reads A's history (once the store has it), never B's; the status panel's reads none.
    await expect
      .poll(async () => (await anonymous(historyUrl(A), bearer(chart.token))).status, { timeout: 15_000 })
      .toBe(200);
    expect((await anonymous(historyUrl(B), bearer(chart.token))).status).toBe(403);
    expect((await anonymous(historyUrl(A), bearer(status.token))).status).toBe(403);
    // Nor the rest of the API.
    for (const url of ['/api/v1/pools', '/api/v1/alerts', '/api/v1/events?range=1h', '/api/v1/me'])
      expect([401, 403], url).toContain((await anonymous(url, bearer(status.token))).status);
    expect((await anonymous('/api/v1/snapshot')).status).toBe(401);
  });

  test('an admin creates a share link in the Share dialog and revokes it on the admin page; a viewer is told to ask one', async ({
    browser,
    page,
  }) => {
    test.setTimeout(90_000);
    await page.context().addCookies((await admin.storageState()).cookies);
    await page.goto(`${app.url}/alerts`);
    await page.getByTestId('share-button').first().click();
    const dialog = page.getByTestId('share-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Embed URL')).not.toHaveValue(/token=/);
    await dialog.getByTestId('share-link-label').fill('dialog spec');
    await dialog.getByTestId('share-link-expiry').selectOption('90');
    await dialog.getByTestId('share-link-create').click();
    await expect(dialog.getByTestId('share-link-note')).toContainText('not shown again');
    await expect(dialog.getByLabel('Embed URL')).toHaveValue(/\/embed\/alerts\?token=hss_[0-9a-f]{16}_/);
    await expect(dialog.getByTestId('share-link-create')).toHaveCount(0);
    const embedUrl = await dialog.getByLabel('Embed URL').inputValue();
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}/admin/shares`);
    const row = page.getByTestId('share-row').filter({ hasText: 'dialog spec' });
    await expect(row).toHaveAttribute('data-state', 'active');
    await expect(row).toContainText('alerts');
    await expect(row.getByTestId('open-share')).toHaveAttribute('href', '/embed/alerts');
    await row.getByTestId('revoke-share').click();
    await row.getByTestId('revoke-share-confirm').click();
    await expect(row).toHaveAttribute('data-state', 'revoked');
    const res = await anonymous(new URL(embedUrl).pathname + new URL(embedUrl).search);
    expect(await res.text()).toContain('This share link was revoked');

    const reader = await browser.newContext();
    try {
      const signIn = await reader.request.post(`${app.url}/api/v1/auth/signin`, {
        headers: { origin: app.url, 'content-type': 'application/json' },
        data: JSON.stringify({ name: 'vicky', password: VIEWER_PASSWORD }),
      });
      expect(signIn.status()).toBe(200);
      const viewerPage = await reader.newPage();
      await viewerPage.goto(`${app.url}/alerts`);
      await viewerPage.getByTestId('share-button').first().click();
      const viewerDialog = viewerPage.getByTestId('share-dialog');
      await expect(viewerDialog.getByTestId('share-link-note')).toContainText(
        'Only admins can create share links for wikis; ask one.',
      );
      await expect(viewerDialog.getByTestId('share-link-create')).toHaveCount(0);
    } finally {
      await reader.close();
    }
  });
});
