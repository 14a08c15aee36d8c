// Access (api-v1.md "Access") in real Chromium against real apps on the harness's real HAProxy: local sign-in and
// sign-out with the way back to the page asked for, a viewer who sees no Acknowledge or Mute and gets 403, an
// operator whose mute and acknowledgement the alert's history names, API tokens created, used and revoked, /metrics
// with and without a token, proxy headers believed only from AUTH_PROXY_TRUSTED, and OpenID Connect sign-in against
// a real provider whose groups become roles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { write } from './harness/app-requests';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startOidcProvider, type OidcProviderHandle } from './harness/oidc-provider';
import { startPrometheus } from './harness/prometheus';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const HOST = '127.0.0.1';
const ADMIN_PASSWORD = 'access-spec-admin';
const PASSWORD = 'access-spec-password';
const DEAD_SOURCE = `http://${HOST}:${E2E_SPEC_PORTS.accessDeadSource}/stats`;

function appEnv(extra: Record<string, string>, dataDir: string): Record<string, string> {
  return {
    HAPROXY_STATS_URL: `e2e=${E2E.statsUrl},dead=${DEAD_SOURCE}`,
    POLL_INTERVAL_MS: '1000',
    ALERT_DOWN_GRACE_MS: '0',
    K8S_ENABLED: 'false',
    DATA_DIR: dataDir,
    ...extra,
  };
}

async function signInWithForm(page: Page, name: string, password: string) {
  await page.getByLabel(/user ?name/i).fill(name);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /sign in/i }).click();
}

test.describe('local sign-in', () => {
  let app: SpecApp;
  let dataDir: string;

  test.beforeAll(async ({ playwright }) => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-access-'));
    app = await startSpecApp({
      host: HOST,
      port: E2E_SPEC_PORTS.accessLocalApp,
      env: appEnv({ AUTH_MODE: 'local', HAPSCOPE_ADMIN_PASSWORD: ADMIN_PASSWORD }, dataDir),
    });
    const admin = await playwright.request.newContext();
    expect(
      (
        await write(admin, app, 'post', '/api/v1/auth/signin', { name: 'admin', password: ADMIN_PASSWORD })
      ).status(),
    ).toBe(200);
    for (const [name, role] of [
      ['olivia', 'operator'],
      ['victor', 'viewer'],
    ])
      expect(
        (await write(admin, app, 'post', '/api/v1/users', { name, role, password: PASSWORD })).status(),
      ).toBe(201);
    await admin.dispose();
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('sign in and out: a page asked for first is where you land; a wrong password says no more than that', async ({
    page,
  }) => {
    await page.goto(`${app.url}/pools?x=1`);
    await expect(page).toHaveURL(`${app.url}/signin?next=%2Fpools%3Fx%3D1`);
    await signInWithForm(page, 'victor', 'not-the-password');
    await expect(page.getByText('wrong user name or password')).toBeVisible();
    await signInWithForm(page, 'nobody', 'not-the-password');
    await expect(page.getByText('wrong user name or password')).toBeVisible();
    await signInWithForm(page, 'victor', PASSWORD);
    await expect(page).toHaveURL(`${app.url}/pools?x=1`);
    const cookie = (await page.context().cookies(app.url)).find((c) => c.name === 'hapscope_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    expect((await page.request.get(`${app.url}/api/v1/me`).then((r) => r.json())) as object).toEqual({
      user: { name: 'victor', role: 'viewer' },
      mode: 'local',
      via: 'session',
    });
    await page.getByRole('button', { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect((await page.request.get(`${app.url}/api/v1/me`)).status()).toBe(401);
    await page.goto(`${app.url}/alerts`);
    await expect(page).toHaveURL(`${app.url}/signin?next=%2Falerts`);
  });

  test('a viewer sees no Acknowledge or Mute, is told who can, and gets 403 from the API', async ({
    page,
  }) => {
    await page.goto(`${app.url}/signin?next=%2Falerts`);
    await signInWithForm(page, 'victor', PASSWORD);
    const alert = page
      .locator('[data-testid="alert-item"][data-kind="source-error"][data-state="firing"]')
      .first();
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('ack-button')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^mute/i })).toHaveCount(0);
    await expect(alert.getByText('Viewers cannot acknowledge or mute — operators can')).toBeVisible();
    const { alerts } = (await page.request.get(`${app.url}/api/v1/alerts`).then((r) => r.json())) as {
      alerts: { id: string; kind: string }[];
    };
    const id = alerts.find((a) => a.kind === 'source-error')!.id;
    const ack = await write(page.request, app, 'post', `/api/v1/alerts/${encodeURIComponent(id)}/ack`, {});
    expect(ack.status()).toBe(403);
    expect(await ack.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'needs the operator role (you are viewer): operators acknowledge, mute and unmute alerts',
      },
    });
    const mute = await write(page.request, app, 'post', '/api/v1/mutes', {
      target: { instance: 'dead' },
      durationMinutes: 5,
    });
    expect(mute.status()).toBe(403);
    expect((await page.request.get(`${app.url}/api/v1/mutes`).then((r) => r.json())) as object).toEqual({
      mutes: [],
    });
  });

  test("an operator acknowledges and mutes; the alert's history and the audit log name them", async ({
    page,
    playwright,
  }) => {
    await page.goto(`${app.url}/signin?next=%2Falerts`);
    await signInWithForm(page, 'olivia', PASSWORD);
    const alert = page
      .locator('[data-testid="alert-item"][data-kind="source-error"][data-state="firing"]')
      .first();
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await alert.getByTestId('ack-button').click();
    const { alerts } = (await page.request.get(`${app.url}/api/v1/alerts`).then((r) => r.json())) as {
      alerts: { id: string; kind: string; acknowledgedBy: string | null }[];
    };
    const acked = alerts.find((a) => a.kind === 'source-error')!;
    await expect
      .poll(async () => {
        const body = (await page.request.get(`${app.url}/api/v1/alerts`).then((r) => r.json())) as {
          alerts: typeof alerts;
        };
        return body.alerts.find((a) => a.id === acked.id)?.acknowledgedBy;
      })
      .toBe('olivia');
    // The body's "by" is ignored: who acknowledged is whoever is signed in.
    const mute = await write(page.request, app, 'post', '/api/v1/mutes', {
      target: { instance: 'dead' },
      durationMinutes: 30,
      reason: 'known outage',
    });
    expect(mute.status()).toBe(201);
    expect(await mute.json()).toMatchObject({
      target: { instance: 'dead' },
      createdBy: 'olivia',
      reason: 'known outage',
    });
    const history = (await page.request
      .get(`${app.url}/api/v1/alerts/${encodeURIComponent(acked.id)}/history`)
      .then((r) => r.json())) as { changes: { change: string; by: string | null }[] };
    // (summary updates, `updated`, may come between: they name no one)
    const named = history.changes.filter((c) => c.change !== 'updated');
    expect(named.map((c) => [c.change, c.by])).toEqual([
      ['fired', null],
      ['acknowledged', 'olivia'],
      ['muted', 'olivia'],
    ]);
    await page.reload();
    await alert.click();
    await expect(page.getByText(/acknowledged by olivia/i).first()).toBeVisible();
    await expect(page.getByText(/muted by olivia/i).first()).toBeVisible();

    const admin = await playwright.request.newContext();
    await write(admin, app, 'post', '/api/v1/auth/signin', { name: 'admin', password: ADMIN_PASSWORD });
    const audit = (await admin.get(`${app.url}/api/v1/audit`).then((r) => r.json())) as {
      entries: { actor: string; action: string }[];
    };
    expect(audit.entries.filter((e) => e.actor === 'olivia').map((e) => e.action)).toEqual([
      'alert.mute',
      'alert.acknowledge',
      'session.sign-in',
    ]);
    await admin.dispose();
  });

  test('API tokens: created by an admin, used by a script and Prometheus, refused once revoked', async ({
    playwright,
  }) => {
    const anonymous = await playwright.request.newContext();
    const metrics = `${app.url}/metrics`;
    const without = await anonymous.get(metrics);
    expect(without.status()).toBe(401);
    expect((await without.json()) as object).toEqual({
      error: { code: 'unauthenticated', message: 'sign in first, or send Authorization: Bearer <API token>' },
    });

    const admin = await playwright.request.newContext();
    await write(admin, app, 'post', '/api/v1/auth/signin', { name: 'admin', password: ADMIN_PASSWORD });
    const created = await write(admin, app, 'post', '/api/v1/tokens', { name: 'prometheus', role: 'viewer' });
    expect(created.status()).toBe(201);
    const { token, secret } = (await created.json()) as { token: { id: string }; secret: string };
    expect(secret).toMatch(/^hsc_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const bearer = { authorization: `Bearer ${secret}` };
    const scraped = await anonymous.get(metrics, { headers: bearer });
    expect(scraped.status()).toBe(200);
    expect(await scraped.text()).toContain('hapscope_');
    // A viewer token reads but does not write, and never lists other tokens.
    expect((await anonymous.get(`${app.url}/api/v1/snapshot`, { headers: bearer })).status()).toBe(200);
    const muting = await anonymous.post(`${app.url}/api/v1/mutes`, {
      headers: { ...bearer, 'content-type': 'application/json' },
      data: JSON.stringify({ target: { pool: 'x' }, durationMinutes: 1 }),
    });
    expect(muting.status()).toBe(403);
    expect((await anonymous.get(`${app.url}/api/v1/tokens`, { headers: bearer })).status()).toBe(403);
    const listed = (await admin.get(`${app.url}/api/v1/tokens`).then((r) => r.json())) as {
      tokens: { id: string; state: string; lastUsedAt: string | null }[];
    };
    expect(listed.tokens.find((t) => t.id === token.id)).toMatchObject({ state: 'active' });
    expect(JSON.stringify(listed)).not.toContain(secret.slice(21));

    // A real Prometheus with the README's scrape config: the token in a credentials_file.
    const prometheus = await startPrometheus({
      host: HOST,
      port: E2E_SPEC_PORTS.accessPrometheus,
      target: `${HOST}:${E2E_SPEC_PORTS.accessLocalApp}`,
      token: secret,
    });
    const upIs = async () => {
      const body = (await fetch(`${prometheus.url}/api/v1/query?query=up%7Bjob%3D%22hapscope%22%7D`).then(
        (r) => r.json(),
      )) as { data: { result: { value: [number, string] }[] } };
      return body.data.result[0]?.value[1];
    };
    try {
      await expect.poll(upIs, { timeout: 20_000 }).toBe('1');
      expect((await write(admin, app, 'delete', `/api/v1/tokens/${token.id}`)).status()).toBe(204);
      await expect.poll(upIs, { timeout: 20_000 }).toBe('0');
    } finally {
      await prometheus.stop();
    }
    const revoked = await anonymous.get(metrics, { headers: bearer });
    expect(revoked.status()).toBe(401);
    expect(await revoked.json()).toEqual({
      error: { code: 'unauthenticated', message: 'this API token was revoked' },
    });

    // The CLI mints on the same store; its last line is the token.
    const out = execFileSync(
      'npm',
      ['run', '-s', 'token', '--', 'create', '--role', 'operator', '--name', 'ci', '--expires', '7d'],
      {
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      },
    );
    const cliToken = out.trim().split('\n').at(-1)!;
    const me = await anonymous.get(`${app.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${cliToken}` },
    });
    expect(await me.json()).toEqual({ user: { name: 'ci', role: 'operator' }, mode: 'local', via: 'token' });
    await admin.dispose();
    await anonymous.dispose();
  });
});

/** A GET from a chosen loopback address: the TCP peer the app sees. */
function getFrom(
  localAddress: string,
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { localAddress, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

test('sign-in off (the harness app, AUTH_MODE=none): every page says everyone is an admin; /api/v1/me says so', async ({
  page,
}) => {
  for (const path of ['/', '/alerts', '/admin/tokens']) {
    await page.goto(`${E2E.appUrl}${path}`);
    await expect(page.getByRole('region', { name: 'Sign-in is off' })).toContainText(
      'everyone who can reach hapscope is an admin',
    );
  }
  expect(await page.request.get(`${E2E.appUrl}/api/v1/me`).then((r) => r.json())).toEqual({
    user: { name: 'anyone', role: 'admin' },
    mode: 'none',
    via: 'none',
  });
});

test.describe('a public status wall (PUBLIC_EMBEDS=true)', () => {
  let app: SpecApp;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-access-public-'));
    app = await startSpecApp({
      host: HOST,
      port: E2E_SPEC_PORTS.accessPublicEmbedsApp,
      env: appEnv({ AUTH_MODE: 'local', PUBLIC_EMBEDS: 'true' }, dataDir),
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every embed and badge reads without a link; the dashboard, the other reads and /metrics still need sign-in', async ({
    page,
  }) => {
    await page.goto(`${app.url}/embed/server?instance=e2e&backend=codeserver_backend&server=agent1`);
    await expect(page.getByTestId('embed-server')).toContainText('agent1', { timeout: 15_000 });
    const badge = await page.request.get(`${app.url}/api/v1/badge/server/e2e/codeserver_backend/agent1.svg`);
    expect(badge.status()).toBe(200);
    expect(badge.headers()['cache-control']).toContain('public');
    for (const url of ['/api/v1/events', '/api/v1/mutes', '/metrics', '/api/v1/tokens'])
      expect((await page.request.get(`${app.url}${url}`)).status(), url).toBe(401);
    await page.goto(`${app.url}/pools`);
    await expect(page).toHaveURL(`${app.url}/signin?next=%2Fpools`);
  });
});

test.describe('proxy sign-in', () => {
  let app: SpecApp;
  let dataDir: string;
  const TRUSTED_PROXY = '127.0.0.7';

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-access-proxy-'));
    app = await startSpecApp({
      host: HOST,
      port: E2E_SPEC_PORTS.accessProxyApp,
      env: appEnv(
        {
          AUTH_MODE: 'proxy',
          AUTH_PROXY_TRUSTED: `${TRUSTED_PROXY}/32`,
          AUTH_ROLE_GROUPS: 'viewer=*,operator=ops',
        },
        dataDir,
      ),
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('identity headers count only from AUTH_PROXY_TRUSTED; a forged X-Forwarded-For does not help', async ({
    page,
  }) => {
    const identity = { 'x-forwarded-user': 'olga', 'x-forwarded-groups': 'dev,ops' };
    const trusted = await getFrom(TRUSTED_PROXY, `${app.url}/api/v1/me`, identity);
    expect(trusted.status).toBe(200);
    expect(JSON.parse(trusted.body)).toEqual({
      user: { name: 'olga', role: 'operator' },
      mode: 'proxy',
      via: 'proxy',
    });
    const direct = await getFrom(HOST, `${app.url}/api/v1/me`, {
      ...identity,
      'x-forwarded-for': TRUSTED_PROXY,
    });
    expect(direct.status).toBe(401);
    const spoofedPeer = await getFrom(HOST, `${app.url}/api/v1/me`, {
      ...identity,
      'x-hapscope-peer': TRUSTED_PROXY,
    });
    expect(spoofedPeer.status).toBe(401);
    // A browser reaching hapscope directly (not through the proxy) with the header set is sent to sign in.
    await page.setExtraHTTPHeaders(identity);
    await page.goto(`${app.url}/pools`);
    await expect(page).toHaveURL(/\/signin\?next=%2Fpools/);
    await expect(page.getByText(/reverse proxy/i).first()).toBeVisible();
  });
});

test.describe('OpenID Connect sign-in', () => {
  let app: SpecApp;
  let provider: OidcProviderHandle;
  let dataDir: string;
  const appUrl = `http://${HOST}:${E2E_SPEC_PORTS.accessOidcApp}`;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-access-oidc-'));
    provider = await startOidcProvider({
      port: E2E_SPEC_PORTS.accessOidcProvider,
      clientId: 'hapscope',
      clientSecret: 'oidc-spec-client-secret',
      redirectUris: [`${appUrl}/api/v1/auth/oidc/callback`],
      accounts: {
        alice: { groups: ['staff', 'hapscope-admins'] },
        bob: { groups: ['ops'] },
        carol: { groups: ['sales'] },
      },
    });
    app = await startSpecApp({
      host: HOST,
      port: E2E_SPEC_PORTS.accessOidcApp,
      env: appEnv(
        {
          AUTH_MODE: 'oidc',
          OIDC_ISSUER: provider.issuer,
          OIDC_CLIENT_ID: 'hapscope',
          OIDC_CLIENT_SECRET: 'oidc-spec-client-secret',
          AUTH_ROLE_GROUPS: 'operator=ops,admin=hapscope-admins',
        },
        dataDir,
      ),
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await provider?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The provider's own login form and consent, in the browser, until it sends us back to hapscope. */
  async function signInAtProvider(page: Page, login: string) {
    await page.getByRole('link', { name: /identity provider/i }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    while (new URL(page.url()).origin === provider.issuer.replace(/\/$/, '')) {
      await page.locator('button[type="submit"]').click();
      await page.waitForLoadState();
    }
  }

  for (const [login, role] of [
    ['alice', 'admin'],
    ['bob', 'operator'],
  ] as const)
    test(`${login} signs in at the provider and gets the role their groups map to: ${role}`, async ({
      page,
    }) => {
      await page.goto(`${appUrl}/uptime`);
      await expect(page).toHaveURL(`${appUrl}/signin?next=%2Fuptime`);
      await signInAtProvider(page, login);
      await expect(page).toHaveURL(`${appUrl}/uptime`);
      expect(await page.request.get(`${appUrl}/api/v1/me`).then((r) => r.json())).toEqual({
        user: { name: login, role },
        mode: 'oidc',
        via: 'session',
      });
    });

  test('a user whose groups map to no role is turned away with the reason', async ({ page }) => {
    await page.goto(`${appUrl}/pools`);
    await signInAtProvider(page, 'carol');
    await expect(page).toHaveURL(/\/signin\?error=/);
    await expect(page.getByText("carol's groups (sales) match no role in AUTH_ROLE_GROUPS.")).toBeVisible();
    expect((await page.request.get(`${appUrl}/api/v1/me`)).status()).toBe(401);
  });
});
