/** The access decision over a real SQLite store: sessions, tokens, proxy headers, none, share links, cross-site. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { openStore, type Store } from '@/lib/store';
import { createAccessState } from './access-state';
import { authorize, type AccessParts } from './access-service';
import { createApiToken, createShareLink, revokeApiToken, revokeShareLink } from './revocables';
import { startSession } from './sessions';
import { changeUser, checkPassword, createUser, ensureFirstAdmin, removeUser } from './users';

const T0 = Date.UTC(2026, 11, 6, 12);
const HOUR = 3600_000;
const stores: { store: Store; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of stores.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function partsFor(env: Record<string, string>): AccessParts {
  const config = parseConfig({ HAPROXY_STATS_URL: 'http://127.0.0.1:1/stats', ...env });
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-access-'));
  const store = openStore(dir, config.retention, () => T0);
  stores.push({ store, dir });
  return { config, store, access: createAccessState(config.auth) };
}

const ORIGIN = 'http://127.0.0.1:3000';
function request(headers: Record<string, string> = {}, method = 'GET') {
  return new Request(`${ORIGIN}/api/v1/snapshot`, {
    method,
    headers: { host: '127.0.0.1:3000', ...headers },
  });
}
const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;
const admin = { kind: 'principal', name: 'root', role: 'admin', via: 'session', detail: 'local' } as const;

async function errorOf(decided: Promise<{ ok: boolean; response?: Response }>) {
  const result = await decided;
  expect(result.ok).toBe(false);
  const body = (await result.response!.json()) as { error: { code: string; message: string } };
  return { status: result.response!.status, ...body.error };
}

test('local: no session is 401; a viewer session reads, and is 403 for what operators do, saying why', async () => {
  const parts = partsFor({ HAPSCOPE_ADMIN_PASSWORD: 'first-admin-pass' });
  expect(await errorOf(authorize(parts, request(), 'viewer', T0))).toEqual({
    status: 401,
    code: 'unauthenticated',
    message: 'sign in first, or send Authorization: Bearer <API token>',
  });
  await createUser(parts, admin, { name: 'vera', role: 'viewer', password: 'vera-password-1' }, T0);
  const signedIn = await checkPassword(parts, 'vera', 'vera-password-1', '10.0.0.1', T0);
  expect(signedIn).toEqual({ ok: true, user: { name: 'vera', role: 'viewer' } });
  const cookie = cookieOf(
    await startSession(parts, { name: 'vera', role: 'viewer', via: 'local' }, request(), T0),
  );
  const read = await authorize(parts, request({ cookie }), 'viewer', T0 + 1000);
  expect(read.ok && read.who).toEqual({
    kind: 'principal',
    name: 'vera',
    role: 'viewer',
    via: 'session',
    detail: 'local',
  });
  const post = request({ cookie, origin: ORIGIN, 'content-type': 'application/json' }, 'POST');
  expect(await errorOf(authorize(parts, post, 'operator', T0 + 1000))).toEqual({
    status: 403,
    code: 'forbidden',
    message: 'needs the operator role (you are viewer): operators acknowledge, mute and unmute alerts',
  });
});

test('a session ends after SESSION_IDLE_HOURS unused and SESSION_MAX_DAYS after sign-in, whatever happens', async () => {
  const parts = partsFor({ SESSION_IDLE_HOURS: '2', SESSION_MAX_DAYS: '1' });
  const cookie = cookieOf(
    await startSession(parts, { name: 'ann', role: 'admin', via: 'local' }, request(), T0),
  );
  expect((await authorize(parts, request({ cookie }), 'viewer', T0 + 2 * HOUR - 1)).ok).toBe(true);
  expect((await authorize(parts, request({ cookie }), 'viewer', T0 + 4 * HOUR - 2)).ok).toBe(true); // used at 2 h: alive
  expect((await authorize(parts, request({ cookie }), 'viewer', T0 + 6 * HOUR)).ok).toBe(false); // unused 4 h
  const other = cookieOf(
    await startSession(parts, { name: 'ann', role: 'admin', via: 'local' }, request(), T0),
  );
  for (let at = T0; at < T0 + 24 * HOUR; at += HOUR)
    expect((await authorize(parts, request({ cookie: other }), 'viewer', at)).ok).toBe(true);
  expect((await authorize(parts, request({ cookie: other }), 'viewer', T0 + 24 * HOUR)).ok).toBe(false);
  const forged = cookie.replace(/\.(.)/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`);
  expect((await authorize(parts, request({ cookie: forged }), 'viewer', T0)).ok).toBe(false);
});

test('a wrong password and an unknown user get the same answer; the sixth try of a user is throttled', async () => {
  const parts = partsFor({ HAPSCOPE_ADMIN_PASSWORD: 'first-admin-pass' });
  await ensureFirstAdmin(parts, T0);
  const wrong = await checkPassword(parts, 'admin', 'nope', '10.0.0.1', T0);
  const unknown = await checkPassword(parts, 'nobody', 'nope', '10.0.0.1', T0);
  expect(wrong).toEqual({ ok: false, status: 401, message: 'wrong user name or password' });
  expect(unknown).toEqual(wrong);
  for (let i = 0; i < 4; i++) await checkPassword(parts, 'admin', 'nope', '10.0.0.2', T0 + i);
  expect(await checkPassword(parts, 'admin', 'first-admin-pass', '10.0.0.3', T0 + 10)).toEqual({
    ok: false,
    status: 429,
    message: 'too many failed sign-ins: try again in 900 s',
    retryAfterSec: 900,
  });
  expect(await checkPassword(parts, 'admin', 'first-admin-pass', '10.0.0.3', T0 + 15 * 60_000)).toEqual({
    ok: true,
    user: { name: 'admin', role: 'admin' },
  });
});

test('API tokens: created, used with their role, refused once revoked or expired or tampered', async () => {
  const parts = partsFor({});
  const { secret, token } = await createApiToken(
    parts.store,
    admin,
    { name: 'ci', role: 'operator', expiresInDays: 1 },
    T0,
  );
  const bearer = (value: string) => request({ authorization: `Bearer ${value}` }, 'POST');
  const ok = await authorize(parts, bearer(secret), 'operator', T0 + 1);
  expect(ok.ok && ok.who).toEqual({
    kind: 'principal',
    name: 'ci',
    role: 'operator',
    via: 'token',
    detail: token.id,
  });
  expect((await errorOf(authorize(parts, bearer(secret), 'admin', T0))).status).toBe(403);
  expect((await errorOf(authorize(parts, bearer(secret), 'viewer', T0 + 24 * HOUR))).message).toBe(
    'this API token has expired',
  );
  const tampered = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
  expect((await errorOf(authorize(parts, bearer(tampered), 'viewer', T0))).message).toBe('unknown API token');
  expect(await revokeApiToken(parts.store, admin, token.id, T0 + 2)).toBe(true);
  expect(await errorOf(authorize(parts, bearer(secret), 'viewer', T0 + 3))).toEqual({
    status: 401,
    code: 'unauthenticated',
    message: 'this API token was revoked',
  });
});

test('proxy: headers are believed from AUTH_PROXY_TRUSTED only; an untrusted address is logged once', async () => {
  const parts = partsFor({
    AUTH_MODE: 'proxy',
    AUTH_PROXY_TRUSTED: '10.1.0.0/16',
    AUTH_ROLE_GROUPS: 'viewer=*,operator=ops',
  });
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const from = (peer: string) =>
    request({ 'x-hapscope-peer': peer, 'x-forwarded-user': 'olga', 'x-forwarded-groups': 'dev, ops' });
  const trusted = await authorize(parts, from('::ffff:10.1.2.3'), 'operator', T0);
  expect(trusted.ok && trusted.who).toEqual({
    kind: 'principal',
    name: 'olga',
    role: 'operator',
    via: 'proxy',
    detail: null,
  });
  expect((await errorOf(authorize(parts, from('192.168.5.5'), 'viewer', T0))).status).toBe(401);
  expect((await errorOf(authorize(parts, from('192.168.5.5'), 'viewer', T0))).status).toBe(401);
  // A client's own X-Forwarded-For does not make it the proxy.
  const spoofed = request({ 'x-forwarded-for': '10.1.2.3', 'x-forwarded-user': 'olga' });
  expect((await errorOf(authorize(parts, spoofed, 'viewer', T0))).status).toBe(401);
  expect(parts.access.problems.get('peer')).toContain('start hapscope with `npm start` (server.mjs)');
  expect(warn.mock.calls.map((call) => call[0])).toEqual([
    '[hapscope] ignored x-forwarded-user from 192.168.5.5: not in AUTH_PROXY_TRUSTED',
    '[hapscope] ignored x-forwarded-user from an unknown address: not in AUTH_PROXY_TRUSTED',
  ]);
  warn.mockRestore();
});

test('none: everyone is admin, and a cross-site write is still refused', async () => {
  const parts = partsFor({ AUTH_MODE: 'none' });
  const get = await authorize(parts, request(), 'admin', T0);
  expect(get.ok && get.who.kind === 'principal' && get.who.role).toBe('admin');
  const form = request({ origin: 'https://wiki.example.com', 'content-type': 'text/plain' }, 'POST');
  expect(await errorOf(authorize(parts, form, 'operator', T0))).toEqual({
    status: 403,
    code: 'forbidden',
    message: `cross-site request refused: Origin https://wiki.example.com is not ${ORIGIN}`,
  });
  const urlencoded = request({ origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, 'POST');
  expect((await errorOf(authorize(parts, urlencoded, 'operator', T0))).status).toBe(403);
  const json = request({ origin: ORIGIN, 'content-type': 'application/json' }, 'POST');
  expect((await authorize(parts, json, 'operator', T0)).ok).toBe(true);
});

test('share links read what their scope covers, nothing else, until revoked; PUBLIC_EMBEDS opens every embed read', async () => {
  const parts = partsFor({});
  const created = await createShareLink(parts.store, admin, { panel: 'latency', target: 'eu/web/a1' }, T0);
  if (!created.ok) throw new Error(created.message);
  const withToken = request({ authorization: `Bearer ${created.token}` });
  const history = { role: 'viewer', share: (s: { target: string }) => s.target === 'eu/web/a1' } as const;
  const ok = await authorize(parts, withToken, history, T0);
  expect(ok.ok && ok.who).toEqual({
    kind: 'share',
    shareId: created.share.id,
    scope: { panel: 'latency', target: 'eu/web/a1' },
  });
  expect((await errorOf(authorize(parts, withToken, 'viewer', T0))).message).toBe(
    'this share link shows only the latency panel of eu/web/a1',
  );
  const viaQuery = await authorize(parts, request(), { ...history, queryToken: created.token }, T0);
  expect(viaQuery.ok).toBe(true);
  await revokeShareLink(parts.store, admin, created.share.id, T0 + 1);
  expect((await errorOf(authorize(parts, withToken, history, T0 + 2))).message).toBe(
    'this share link was revoked',
  );

  const wall = partsFor({ PUBLIC_EMBEDS: 'true' });
  const anyone = await authorize(wall, request(), { role: 'viewer', share: () => true }, T0);
  expect(anyone.ok && anyone.who).toEqual({
    kind: 'share',
    shareId: null,
    scope: { panel: '*', target: '*' },
  });
  expect((await errorOf(authorize(wall, request(), 'viewer', T0))).status).toBe(401);
});

test('two admins taking each other away at once leave one admin: the last one cannot be removed or demoted', async () => {
  const parts = partsFor({ HAPSCOPE_ADMIN_PASSWORD: 'first-admin-pass' });
  await ensureFirstAdmin(parts, T0);
  await createUser(parts, admin, { name: 'ann', role: 'admin', password: 'ann-password-1' }, T0);
  const lastAdmin = { ok: false, status: 409, code: 'conflict' };
  const [one, other] = await Promise.all([
    removeUser(parts, admin, 'admin', T0 + 1),
    removeUser(parts, admin, 'ann', T0 + 1),
  ]);
  expect(one).toEqual({ ok: true, value: null });
  expect(other).toMatchObject({ ...lastAdmin, message: '"ann" is the last admin' });

  await createUser(parts, admin, { name: 'bob', role: 'admin', password: 'bob-password-1' }, T0 + 2);
  const [demoted, removed] = await Promise.all([
    changeUser(parts, admin, 'bob', { role: 'viewer' }, T0 + 3),
    removeUser(parts, admin, 'ann', T0 + 3),
  ]);
  expect([demoted.ok, removed.ok].sort()).toEqual([false, true]);
  const users = (await parts.store.access.listUsers()).filter((user) => user.role === 'admin');
  expect(users).toHaveLength(1);
});
