// Badges and embeds behind a shared cache (README "Behind a cache"): the README's HAProxy recipe, run as written
// (e2e/harness/cache-recipe.ts) by Debian's HAProxy 2.6 in front of an app with sign-in on. A share link's badge
// and embed page are stored and served from HAProxy's cache (its counters: the app is not asked again); a request
// without the token, a signed-in reader's and a request of Next's client router never get a stored copy.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { writeCacheProxyConfig } from './harness/cache-recipe';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { findRow, runtimeCommand, socketStats, startHaproxy, type HaproxyHandle } from './harness/haproxy';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const PROXY_PORT = E2E_SPEC_PORTS.badgeCache;
const APP_PORT = E2E_SPEC_PORTS.badgeCache + 1;
const PROXY = `http://${E2E.host}:${PROXY_PORT}`;
const ADMIN_PASSWORD = 'badge-cache-spec-admin';
// Badges say max-age = one poll: 5 s leaves time to ask twice within it.
const POLL_MS = 5_000;
const BACKEND = { instance: 'main', backend: 'api_backend' };
const NEXT_VARY = /\brsc\b.*next-router-state-tree/;

const badgePath = (token?: string) =>
  `/api/v1/badge/backend/${BACKEND.instance}/${BACKEND.backend}.svg${token ? `?token=${token}` : ''}`;
const embedPath = (token?: string) =>
  `/embed/backend?instance=${BACKEND.instance}&backend=${BACKEND.backend}${token ? `&token=${token}` : ''}`;
const titleOf = (svg: string) => /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';

/** What HAProxy counted: responses the app gave (its server's 2xx and 4xx) and answers from the cache. */
interface Counts {
  app2xx: number;
  app3xx: number;
  app4xx: number;
  cacheHits: number;
}

test.describe('badges and embeds behind the README HAProxy cache', () => {
  let app: SpecApp;
  let haproxy: HaproxyHandle;
  let dir: string;
  let socketPath: string;
  let session: string;
  let token: string;

  /** A GET as a browser sends it (gzip accepted), with or without a cookie; `redirect: manual` keeps a 307. */
  const get = (base: string, url: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${url}`, { headers: { 'accept-encoding': 'gzip', ...headers }, redirect: 'manual' });

  async function counts(): Promise<Counts> {
    const rows = await socketStats(socketPath);
    const server = findRow(rows, 'hapscope', 'hapscope');
    const backend = findRow(rows, 'hapscope', 'BACKEND');
    if (!server || !backend) throw new Error('no hapscope backend in HAProxy stats');
    return {
      app2xx: Number(server.hrsp_2xx),
      app3xx: Number(server.hrsp_3xx),
      app4xx: Number(server.hrsp_4xx),
      cacheHits: Number(backend.cache_hits),
    };
  }

  /** Runs `ask` and says what it cost: how many more answers came from the app, how many from the cache. */
  async function delta<T>(ask: () => Promise<T>): Promise<{ result: T; change: Counts }> {
    const before = await counts();
    const result = await ask();
    const after = await counts();
    const change = {
      app2xx: after.app2xx - before.app2xx,
      app3xx: after.app3xx - before.app3xx,
      app4xx: after.app4xx - before.app4xx,
      cacheHits: after.cacheHits - before.cacheHits,
    };
    return { result, change };
  }

  const FROM_CACHE: Counts = { app2xx: 0, app3xx: 0, app4xx: 0, cacheHits: 1 };
  const appAnswered = (status: 2 | 3 | 4): Counts => ({
    app2xx: status === 2 ? 1 : 0,
    app3xx: status === 3 ? 1 : 0,
    app4xx: status === 4 ? 1 : 0,
    cacheHits: 0,
  });

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-badge-cache-'));
    app = await startSpecApp({
      host: E2E.host,
      port: APP_PORT,
      env: {
        HAPROXY_STATS_URL: `main=${E2E.statsUrl}`,
        POLL_INTERVAL_MS: String(POLL_MS),
        K8S_ENABLED: 'false',
        DATA_DIR: path.join(dir, 'data'),
        AUTH_MODE: 'local',
        HAPSCOPE_ADMIN_PASSWORD: ADMIN_PASSWORD,
        PUBLIC_EMBEDS: 'false',
      },
    });
    const signIn = await fetch(`${app.url}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { origin: app.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(signIn.status, await signIn.text()).toBe(200);
    session = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    const minted = await fetch(`${app.url}/api/v1/shares`, {
      method: 'POST',
      headers: { origin: app.url, 'content-type': 'application/json', cookie: session },
      body: JSON.stringify({ panel: 'backend', target: `${BACKEND.instance}/${BACKEND.backend}` }),
    });
    expect(minted.status, await minted.clone().text()).toBe(201);
    token = ((await minted.json()) as { token: string }).token;
    await expect
      .poll(async () => (await get(app.url, badgePath(token))).status, { timeout: 20_000 })
      .toBe(200);

    const files = await writeCacheProxyConfig(path.join(dir, 'haproxy'), {
      host: E2E.host,
      port: PROXY_PORT,
      appPort: APP_PORT,
    });
    socketPath = files.socketPath;
    haproxy = await startHaproxy({ configPath: files.configPath, readyUrl: `${PROXY}/api/v1/health` });
  });

  test.afterAll(async () => {
    await haproxy?.stop();
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('hapscope says Vary: Accept-Encoding on badges and embed pages, and Next’s whole Vary to its router', async () => {
    const badge = await get(app.url, badgePath(token));
    expect(badge.status).toBe(200);
    expect(badge.headers.get('vary')).toBe('Accept-Encoding');
    expect(badge.headers.get('cache-control')).toMatch(/^public, max-age=5\b/);

    const signedIn = await get(app.url, badgePath(), { cookie: session });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('vary')).toBe('Accept-Encoding');
    expect(signedIn.headers.get('cache-control')).toMatch(/^private\b/);

    const embed = await get(app.url, embedPath(token));
    expect(embed.status).toBe(200);
    expect(embed.headers.get('vary')).toBe('Accept-Encoding');
    expect(embed.headers.get('cache-control')).toBe('public, max-age=60');

    const noToken = await get(app.url, embedPath(), { cookie: session });
    expect(noToken.headers.get('vary')).toBe('Accept-Encoding');
    expect(noToken.headers.get('cache-control')).toMatch(/\bno-store\b/);

    // Next's router asks with `rsc: 1`; Next sends it to the `_rsc=` URL, whose RSC payload keeps Next's Vary.
    const redirect = await get(app.url, embedPath(token), { rsc: '1' });
    expect(redirect.status).toBe(307);
    const rscUrl = redirect.headers.get('location') ?? '';
    expect(rscUrl).toContain('_rsc');
    const rsc = await get(app.url, rscUrl, { rsc: '1' });
    expect(rsc.status).toBe(200);
    expect(rsc.headers.get('content-type')).toMatch(/^text\/x-component/);
    expect(rsc.headers.get('vary')).toMatch(NEXT_VARY);
    expect(rsc.headers.get('cache-control')).toMatch(/\bno-store\b/);
  });

  test('a share link’s badge is stored and served by HAProxy’s cache; a request without the token never gets it', async () => {
    // Without a credential: the grey badge, from the app, and not kept.
    for (let i = 0; i < 2; i++) {
      const { result, change } = await delta(() => get(PROXY, badgePath()));
      expect(result.status).toBe(401);
      expect(titleOf(await result.text())).toMatch(/unauthorized/);
      expect(change).toEqual(appAnswered(4));
    }

    const first = await delta(() => get(PROXY, badgePath(token)));
    expect(first.result.status).toBe(200);
    const svg = await first.result.text();
    expect(titleOf(svg)).toMatch(/^api_backend: /);
    expect(first.change).toEqual(appAnswered(2));
    const cached = (await runtimeCommand(socketPath, 'show cache'))
      .split('\n')
      .filter((l) => /hash:/.test(l));
    expect(cached.length, 'show cache lists the badge').toBeGreaterThanOrEqual(1);

    const second = await delta(() => get(PROXY, badgePath(token)));
    expect(second.result.status).toBe(200);
    expect(await second.result.text()).toBe(svg);
    expect(second.result.headers.get('vary')).toBe('Accept-Encoding');
    expect(second.change, 'the second badge comes from the cache').toEqual(FROM_CACHE);

    // The stored badge is keyed by its URL, token included: the same badge without the token is still refused.
    const anonymous = await delta(() => get(PROXY, badgePath()));
    expect(anonymous.result.status).toBe(401);
    expect(anonymous.change).toEqual(appAnswered(4));
    const wrongToken = await delta(() => get(PROXY, badgePath(`${token.slice(0, -4)}0000`)));
    expect(wrongToken.result.status).toBe(401);
    expect(wrongToken.change).toEqual(appAnswered(4));
  });

  test('a signed-in reader’s badge is never stored: the next reader without a credential gets the grey badge', async () => {
    for (let i = 0; i < 2; i++) {
      const signedIn = await delta(() => get(PROXY, badgePath(), { cookie: session }));
      expect(signedIn.result.status).toBe(200);
      expect(titleOf(await signedIn.result.text())).toMatch(/^api_backend: /);
      expect(signedIn.change, 'every signed-in read reaches the app').toEqual(appAnswered(2));
      const anonymous = await delta(() => get(PROXY, badgePath()));
      expect(anonymous.result.status).toBe(401);
      expect(titleOf(await anonymous.result.text())).toMatch(/unauthorized/);
      expect(anonymous.change).toEqual(appAnswered(4));
    }
  });

  test('a share link’s embed page is stored; without the token, or asked by Next’s router, it is not handed out', async () => {
    const first = await delta(() => get(PROXY, embedPath(token)));
    expect(first.result.status).toBe(200);
    const html = await first.result.text();
    expect(html).toContain('<html');
    expect(first.change).toEqual(appAnswered(2));
    const second = await delta(() => get(PROXY, embedPath(token)));
    expect(await second.result.text()).toBe(html);
    expect(second.change, 'the second embed page comes from the cache').toEqual(FROM_CACHE);

    const noToken = await delta(() => get(PROXY, embedPath()));
    expect(noToken.result.status).toBe(200);
    expect(await noToken.result.text()).toContain('needs a share link');
    expect(noToken.change).toEqual(appAnswered(2));

    const router = await delta(() => get(PROXY, embedPath(token), { rsc: '1' }));
    expect(router.result.status, 'Next answers its router itself, not the cache').toBe(307);
    expect(router.change).toEqual(appAnswered(3));
  });
});
