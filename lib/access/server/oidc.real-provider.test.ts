/**
 * OpenID Connect sign-in against a real provider (`oidc-provider`, e2e/harness/oidc-provider.ts) on loopback: the
 * browser's part (login form, consent) is played with plain fetch and a cookie jar.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startOidcProvider, type OidcProviderHandle } from '@/e2e/harness/oidc-provider';
import {
  beginOidcSignIn,
  finishOidcSignIn,
  OidcError,
  sealPending,
  unsealPending,
  type OidcPending,
  type OidcSettings,
} from './oidc';

// Never requested: the test takes the provider's redirect to it as the browser would arrive there.
const REDIRECT_URI = 'http://127.0.0.1:18693/api/v1/auth/oidc/callback';
const PORTS = { confidential: 18690, public: 18691, late: 18692 };
const NOW = Date.parse('2026-12-01T10:00:00Z');

let confidential: OidcProviderHandle;
let publicClient: OidcProviderHandle;
let confidentialSettings: OidcSettings;
let publicSettings: OidcSettings;

beforeAll(async () => {
  // Claims in the ID token, a client secret (client_secret_basic), the usual claim name.
  confidential = await startOidcProvider({
    port: PORTS.confidential,
    clientId: 'hapscope',
    clientSecret: 'confidential-secret',
    redirectUris: [REDIRECT_URI],
    accounts: {
      alice: { groups: ['ops', 'hapscope-admins'], email: 'alice@example.test' },
      carol: { groups: [], username: null },
    },
  });
  // The spec's default: scope claims only from userinfo; a public client; groups as a string in `roles`.
  publicClient = await startOidcProvider({
    port: PORTS.public,
    clientId: 'hapscope-public',
    clientSecret: null,
    redirectUris: [REDIRECT_URI],
    groupsClaim: 'roles',
    claimsInIdToken: false,
    accounts: { bob: { groups: 'ops, viewers', email: 'bob@example.test', username: null } },
  });
  confidentialSettings = settingsFor(confidential.issuer, 'hapscope', 'confidential-secret', 'groups');
  publicSettings = settingsFor(publicClient.issuer, 'hapscope-public', null, 'roles');
});

afterAll(async () => {
  await Promise.all([confidential?.stop(), publicClient?.stop()]);
});

function settingsFor(
  issuer: string,
  clientId: string,
  clientSecret: string | null,
  groupsClaim: string,
): OidcSettings {
  return { issuer, clientId, clientSecret, groupsClaim, redirectUri: REDIRECT_URI };
}

test.each([
  ['groups in the ID token', 'confidential', 'alice', { name: 'alice', groups: ['ops', 'hapscope-admins'] }],
  ['no groups, no username, no email: the subject', 'confidential', 'carol', { name: 'carol', groups: [] }],
  [
    'userinfo, a comma-separated claim, the email',
    'public',
    'bob',
    { name: 'bob@example.test', groups: ['ops', 'viewers'] },
  ],
] as const)('signs in through the provider: %s', async (_label, which, login, expected) => {
  const settings = which === 'public' ? publicSettings : confidentialSettings;
  const { redirectTo, pending } = await beginOidcSignIn(settings, '/pools/edge', NOW);
  expect(pending.next).toBe('/pools/edge');
  expect(new URL(redirectTo).searchParams.get('code_challenge_method')).toBe('S256');
  const callback = await signInAtProvider(redirectTo, login);
  expect(await finishOidcSignIn(settings, callback, pending)).toEqual(expected);
});

test('the callback may reach hapscope at another origin (behind a proxy)', async () => {
  const { redirectTo, pending } = await beginOidcSignIn(confidentialSettings, '/', NOW);
  const callback = await signInAtProvider(redirectTo, 'alice');
  const behindProxy = new URL(`http://10.0.0.5:3000/api/v1/auth/oidc/callback${callback.search}`);
  expect(await finishOidcSignIn(confidentialSettings, behindProxy, pending)).toEqual({
    name: 'alice',
    groups: ['ops', 'hapscope-admins'],
  });
});

test('a code is good for one sign-in only', async () => {
  const { redirectTo, pending } = await beginOidcSignIn(confidentialSettings, '/', NOW);
  const callback = await signInAtProvider(redirectTo, 'alice');
  await finishOidcSignIn(confidentialSettings, callback, pending);
  await expect(finishOidcSignIn(confidentialSettings, callback, pending)).rejects.toThrow(
    /refused the code: invalid_grant/,
  );
});

test.each([
  ['a tampered state', 'state', /unexpected "state"/],
  ['another nonce', 'nonce', /unexpected ID Token "nonce"/],
  ['another PKCE verifier', 'verifier', /refused the code: invalid_grant/],
] as const)('%s fails the sign-in', async (_label, tamper, message) => {
  const { redirectTo, pending } = await beginOidcSignIn(confidentialSettings, '/', NOW);
  const callback = await signInAtProvider(redirectTo, 'alice');
  let checked: OidcPending = pending;
  if (tamper === 'state') callback.searchParams.set('state', 'forged-state');
  if (tamper === 'nonce') checked = { ...pending, nonce: 'another-nonce' };
  if (tamper === 'verifier') checked = { ...pending, codeVerifier: 'x'.repeat(43) };
  const failure = await finishOidcSignIn(confidentialSettings, callback, checked).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(OidcError);
  expect((failure as Error).message).toMatch(message);
  expect((failure as Error).message).not.toContain('confidential-secret');
});

test('a sign-in cancelled at the provider names the provider’s reason', async () => {
  const { redirectTo, pending } = await beginOidcSignIn(confidentialSettings, '/', NOW);
  const callback = await signInAtProvider(redirectTo, 'alice', { cancel: true });
  await expect(finishOidcSignIn(confidentialSettings, callback, pending)).rejects.toThrow(
    'The sign-in provider refused the sign-in: access_denied (End-User aborted interaction).',
  );
});

test('an unreachable issuer fails with its URL, and the next sign-in tries discovery again', async () => {
  const issuer = `http://127.0.0.1:${PORTS.late}`;
  const settings = settingsFor(issuer, 'late', 'late-secret', 'groups');
  const failure = await beginOidcSignIn(settings, '/', NOW).catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(OidcError);
  expect((failure as Error).message).toContain(
    'The sign-in provider http://127.0.0.1:18692 could not be used',
  );
  expect((failure as Error).message).toContain('ECONNREFUSED');

  const late = await startOidcProvider({
    port: PORTS.late,
    clientId: 'late',
    clientSecret: 'late-secret',
    redirectUris: [REDIRECT_URI],
    accounts: { dave: { groups: ['late'] } },
  });
  try {
    const { redirectTo, pending } = await beginOidcSignIn(settings, '/', NOW);
    const callback = await signInAtProvider(redirectTo, 'dave');
    expect(await finishOidcSignIn(settings, callback, pending)).toEqual({ name: 'dave', groups: ['late'] });
  } finally {
    await late.stop();
  }
});

test('plain http is refused for an issuer off this machine', async () => {
  const settings = settingsFor('http://sso.example.test', 'hapscope', 'secret', 'groups');
  await expect(beginOidcSignIn(settings, '/', NOW)).rejects.toThrow(
    'The sign-in provider http://sso.example.test could not be used: only requests to HTTPS are allowed.',
  );
});

const KEY = new Uint8Array(32).fill(7);
const PENDING: OidcPending = {
  state: 'state-1',
  nonce: 'nonce-1',
  codeVerifier: 'verifier-1',
  next: '/alerts',
  createdAt: NOW,
};

test('the pending cookie opens for 10 minutes, then never', async () => {
  const sealed = await sealPending(PENDING, KEY);
  expect(sealed.split('.')).toHaveLength(5); // compact JWE
  expect(sealed).not.toContain('verifier-1');
  expect(await unsealPending(sealed, KEY, NOW + 600_000)).toEqual({
    state: 'state-1',
    nonce: 'nonce-1',
    codeVerifier: 'verifier-1',
    next: '/alerts',
    createdAt: NOW,
  });
  expect(await unsealPending(sealed, KEY, NOW + 600_001)).toBeNull();
  expect(await unsealPending(sealed, KEY, NOW - 1)).toBeNull();
});

test('a tampered, foreign or missing pending cookie is null', async () => {
  const sealed = await sealPending(PENDING, KEY);
  const parts = sealed.split('.');
  const ciphertext = parts[3]!;
  parts[3] = (ciphertext[0] === 'A' ? 'B' : 'A') + ciphertext.slice(1);
  expect(await unsealPending(parts.join('.'), KEY, NOW)).toBeNull();
  expect(await unsealPending(sealed, new Uint8Array(32).fill(8), NOW)).toBeNull();
  expect(await unsealPending('not-a-jwe', KEY, NOW)).toBeNull();
  expect(await unsealPending(undefined, KEY, NOW)).toBeNull();
});

/** Plays the browser: follows redirects, submits the login form (any password) and consent, until the callback. */
async function signInAtProvider(redirectTo: string, login: string, { cancel = false } = {}): Promise<URL> {
  const jar = new Map<string, string>();
  let request: { url: string; body?: URLSearchParams } = { url: redirectTo };
  for (let step = 0; step < 12; step++) {
    const res = await fetch(request.url, {
      method: request.body ? 'POST' : 'GET',
      body: request.body,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    keepCookies(jar, res.headers.getSetCookie());
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      request = { url: next.href };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    request = cancel ? { url: cancelLink(html, request.url) } : submitForm(html, request.url, login);
  }
  throw new Error('the provider never redirected back');
}

function submitForm(html: string, pageUrl: string, login: string): { url: string; body: URLSearchParams } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 300)}`);
  const body = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    body.set(name!, value!);
  }
  if (body.get('prompt') === 'login') {
    body.set('login', login);
    body.set('password', 'any password works');
  }
  return { url: new URL(action.replaceAll('&amp;', '&'), pageUrl).href, body };
}

function cancelLink(html: string, pageUrl: string): string {
  const href = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(html)?.[1];
  if (!href) throw new Error(`no Cancel link on ${pageUrl}`);
  return new URL(href.replaceAll('&amp;', '&'), pageUrl).href;
}

function keepCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';');
    const [name = '', value = ''] = pair.split(/=(.*)/s).map((part) => part.trim());
    const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0\b/i.test(a));
    if (expired || value === '') jar.delete(name);
    else jar.set(name, value);
  }
}
