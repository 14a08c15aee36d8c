/** What an /embed/* page says to each kind of visitor, over a real SQLite store. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { signEmbedToken } from '@/lib/embeds/embed-token';
import { HistoryStore } from '@/lib/store';
import type { AccessParts } from './access-service';
import { createAccessState } from './access-state';
import { authorizeEmbed } from './embed-access-service';
import { createShareLink, revokeShareLink } from './revocables';
import { startSession } from './sessions';

const T0 = Date.UTC(2026, 11, 6, 12);
const DAY = 86_400_000;
const SECRET = 'an-embed-secret-of-some-length';
const stores: HistoryStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function partsFor(env: Record<string, string> = {}): AccessParts {
  const config = parseConfig({ HAPROXY_STATS_URL: 'http://127.0.0.1:1/stats', ...env });
  const store = new HistoryStore(
    mkdtempSync(path.join(tmpdir(), 'hapscope-embed-access-')),
    config.retention,
    () => T0,
  );
  stores.push(store);
  return { config, store, access: createAccessState(config.auth) };
}
const admin = { kind: 'principal', name: 'root', role: 'admin', via: 'session', detail: 'local' } as const;
const SERVER = 'main/api/api1';
const noHeaders = new Headers();

function mint(parts: AccessParts, panel: string, target: string, expiresInDays: number | null = null) {
  const created = createShareLink(parts.store, admin, { panel, target, expiresInDays }, T0);
  if (!created.ok) throw new Error(created.message);
  return created;
}

test('a share link shows its own panel and target, and says so for any other', () => {
  const parts = partsFor();
  const { token } = mint(parts, 'server', SERVER);
  expect(authorizeEmbed(parts, noHeaders, token, 'server', SERVER, T0)).toEqual({ ok: true });
  expect(authorizeEmbed(parts, noHeaders, token, 'latency', SERVER, T0)).toEqual({
    ok: false,
    title: 'This share link is for another panel',
    message: 'It shows the server panel of “main/api/api1”, not the latency panel of “main/api/api1”.',
  });
  expect(authorizeEmbed(parts, noHeaders, token, 'server', 'main/api/api2', T0)).toMatchObject({
    ok: false,
    title: 'This share link is for another panel',
  });
});

test('revoked, expired, unknown: each says what happened', () => {
  const parts = partsFor();
  const revoked = mint(parts, 'server', SERVER);
  revokeShareLink(parts.store, admin, revoked.share.id, T0 + 1);
  expect(authorizeEmbed(parts, noHeaders, revoked.token, 'server', SERVER, T0 + 2)).toEqual({
    ok: false,
    title: 'This share link was revoked',
    message: 'Ask a hapscope admin for a new share link.',
  });
  const expiring = mint(parts, 'server', SERVER, 30);
  expect(authorizeEmbed(parts, noHeaders, expiring.token, 'server', SERVER, T0 + 29 * DAY).ok).toBe(true);
  expect(authorizeEmbed(parts, noHeaders, expiring.token, 'server', SERVER, T0 + 30 * DAY)).toMatchObject({
    ok: false,
    title: 'This share link has expired',
  });
  expect(authorizeEmbed(parts, noHeaders, 'not-a-token', 'server', SERVER, T0)).toEqual({
    ok: false,
    title: 'This share link is not valid',
    message: 'Not a hapscope token. Ask a hapscope admin for a new share link.',
  });
});

test('without a token: a signed-in person sees it, anyone else is told to ask for a share link', () => {
  const parts = partsFor();
  expect(authorizeEmbed(parts, noHeaders, null, 'server', SERVER, T0)).toMatchObject({
    ok: false,
    title: 'This embed needs a share link (ask a hapscope admin)',
  });
  const request = new Request('http://127.0.0.1:3000/embed/server', { headers: { host: '127.0.0.1:3000' } });
  const cookie = startSession(parts, { name: 'vera', role: 'viewer', via: 'local' }, request, T0).split(
    ';',
  )[0]!;
  expect(authorizeEmbed(parts, new Headers({ cookie }), null, 'server', SERVER, T0 + 1000)).toEqual({
    ok: true,
  });
});

test('PUBLIC_EMBEDS shows every panel without a token', () => {
  const parts = partsFor({ PUBLIC_EMBEDS: 'true' });
  expect(authorizeEmbed(parts, noHeaders, null, 'pool-matrix', '*', T0)).toEqual({ ok: true });
  expect(authorizeEmbed(parts, noHeaders, null, 'server', SERVER, T0)).toEqual({ ok: true });
});

test('an EMBED_TOKEN_SECRET token keeps working for its scope while the secret is set', () => {
  const parts = partsFor({ EMBED_TOKEN_SECRET: SECRET });
  const legacy = signEmbedToken({ panel: 'server', target: SERVER, exp: T0 / 1000 + 3600 }, SECRET);
  expect(authorizeEmbed(parts, noHeaders, legacy, 'server', SERVER, T0)).toEqual({ ok: true });
  expect(authorizeEmbed(parts, noHeaders, legacy, 'backend', 'main/api', T0)).toMatchObject({
    title: 'This share link is for another panel',
  });
  expect(authorizeEmbed(parts, noHeaders, legacy, 'server', SERVER, T0 + 3600_000)).toMatchObject({
    title: 'This share link has expired',
  });
});

test('a share link is made only for a target its panel shows', () => {
  const parts = partsFor();
  const make = (panel: string, target: string) => createShareLink(parts.store, admin, { panel, target }, T0);
  expect(make('server', 'main/api')).toEqual({
    ok: false,
    message: 'target: the server panel needs instance, backend and server (or *), got "main/api"',
  });
  expect(make('gauge', '*')).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^panel: must be one of backend/),
  });
  expect(make('pool', 'pool:pool-a').ok).toBe(true);
  expect(make('pool-matrix', '*').ok).toBe(true);
});
