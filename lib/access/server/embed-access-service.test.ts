/** What an /embed/* page says to each kind of visitor, over a real SQLite store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { signEmbedToken } from '@/lib/embeds/embed-token';
import { openStore, type Store } from '@/lib/store';
import type { AccessParts } from './access-service';
import { createAccessState } from './access-state';
import { authorizeEmbed } from './embed-access-service';
import { createShareLink, revokeShareLink } from './revocables';
import { startSession } from './sessions';

const T0 = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const SECRET = 'an-embed-secret-of-some-length';
const stores: { store: Store; dir: string }[] = [];
afterEach(async () => {
  for (const { store, dir } of stores.splice(0)) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function partsFor(env: Record<string, string> = {}): AccessParts {
  const config = parseConfig({ HAPROXY_STATS_URL: 'http://127.0.0.1:1/stats', ...env });
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-embed-access-'));
  const store = openStore(dir, config.retention, () => T0);
  stores.push({ store, dir });
  return { config, store, access: createAccessState(config.auth) };
}
const admin = { kind: 'principal', name: 'root', role: 'admin', via: 'session', detail: 'local' } as const;
const SERVER = 'main/api/api1';
const noHeaders = new Headers();

async function mint(parts: AccessParts, panel: string, target: string, expiresInDays: number | null = null) {
  const created = await createShareLink(parts.store, admin, { panel, target, expiresInDays }, T0);
  if (!created.ok) throw new Error(created.message);
  return created;
}

test('a share link shows its own panel and target, and says so for any other', async () => {
  const parts = partsFor();
  const { token } = await mint(parts, 'server', SERVER);
  expect(await authorizeEmbed(parts, noHeaders, token, 'server', SERVER, T0)).toEqual({ ok: true });
  expect(await authorizeEmbed(parts, noHeaders, token, 'latency', SERVER, T0)).toEqual({
    ok: false,
    title: 'This share link is for another panel',
    message: 'It shows the server panel of “main/api/api1”, not the latency panel of “main/api/api1”.',
  });
  expect(await authorizeEmbed(parts, noHeaders, token, 'server', 'main/api/api2', T0)).toMatchObject({
    ok: false,
    title: 'This share link is for another panel',
  });
});

test('revoked, expired, unknown: each says what happened', async () => {
  const parts = partsFor();
  const revoked = await mint(parts, 'server', SERVER);
  await revokeShareLink(parts.store, admin, revoked.share.id, T0 + 1);
  expect(await authorizeEmbed(parts, noHeaders, revoked.token, 'server', SERVER, T0 + 2)).toEqual({
    ok: false,
    title: 'This share link was revoked',
    message: 'Ask a hapscope admin for a new share link.',
  });
  const expiring = await mint(parts, 'server', SERVER, 30);
  expect((await authorizeEmbed(parts, noHeaders, expiring.token, 'server', SERVER, T0 + 29 * DAY)).ok).toBe(
    true,
  );
  expect(
    await authorizeEmbed(parts, noHeaders, expiring.token, 'server', SERVER, T0 + 30 * DAY),
  ).toMatchObject({
    ok: false,
    title: 'This share link has expired',
  });
  expect(await authorizeEmbed(parts, noHeaders, 'not-a-token', 'server', SERVER, T0)).toEqual({
    ok: false,
    title: 'This share link is not valid',
    message: 'Not a hapscope token. Ask a hapscope admin for a new share link.',
  });
});

test('without a token: a signed-in person sees it, anyone else is told to ask for a share link', async () => {
  const parts = partsFor();
  expect(await authorizeEmbed(parts, noHeaders, null, 'server', SERVER, T0)).toMatchObject({
    ok: false,
    title: 'This embed needs a share link (ask a hapscope admin)',
  });
  const request = new Request('http://127.0.0.1:3000/embed/server', { headers: { host: '127.0.0.1:3000' } });
  const started = await startSession(parts, { name: 'vera', role: 'viewer', via: 'local' }, request, T0);
  const cookie = started.split(';')[0]!;
  expect(await authorizeEmbed(parts, new Headers({ cookie }), null, 'server', SERVER, T0 + 1000)).toEqual({
    ok: true,
  });
});

test('PUBLIC_EMBEDS shows every panel without a token', async () => {
  const parts = partsFor({ PUBLIC_EMBEDS: 'true' });
  expect(await authorizeEmbed(parts, noHeaders, null, 'pool-matrix', '*', T0)).toEqual({ ok: true });
  expect(await authorizeEmbed(parts, noHeaders, null, 'server', SERVER, T0)).toEqual({ ok: true });
});

test('an EMBED_TOKEN_SECRET token keeps working for its scope while the secret is set', async () => {
  const parts = partsFor({ EMBED_TOKEN_SECRET: SECRET });
  const legacy = signEmbedToken({ panel: 'server', target: SERVER, exp: T0 / 1000 + 3600 }, SECRET);
  expect(await authorizeEmbed(parts, noHeaders, legacy, 'server', SERVER, T0)).toEqual({ ok: true });
  expect(await authorizeEmbed(parts, noHeaders, legacy, 'backend', 'main/api', T0)).toMatchObject({
    title: 'This share link is for another panel',
  });
  expect(await authorizeEmbed(parts, noHeaders, legacy, 'server', SERVER, T0 + 3600_000)).toMatchObject({
    title: 'This share link has expired',
  });
});

test('a share link is made only for a target its panel shows', async () => {
  const parts = partsFor();
  const make = (panel: string, target: string) => createShareLink(parts.store, admin, { panel, target }, T0);
  expect(await make('server', 'main/api')).toEqual({
    ok: false,
    message: 'target: the server panel needs instance, backend and server (or *), got "main/api"',
  });
  expect(await make('gauge', '*')).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^panel: must be one of backend/),
  });
  expect((await make('pool', 'pool:pool-a')).ok).toBe(true);
  expect((await make('pool-matrix', '*')).ok).toBe(true);
});
