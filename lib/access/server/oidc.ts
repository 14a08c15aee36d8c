import 'server-only';
import { CompactEncrypt, compactDecrypt } from 'jose';
import * as client from 'openid-client';
import { z } from 'zod';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  groupsClaim: string;
  redirectUri: string;
}

export interface OidcPending {
  state: string;
  nonce: string;
  codeVerifier: string;
  next: string;
  createdAt: number;
}

export class OidcError extends Error {}

export const PENDING_MAX_AGE_MS = 10 * 60_000;
// Discovery, token and userinfo requests: a hung provider should fail a sign-in long before a user gives up.
const REQUEST_TIMEOUT_S = 10;
const configurations = new Map<string, Promise<client.Configuration>>();

/** Discovery (cached per issuer+client in the module, retried on the next call after a failure), PKCE S256, state and nonce. */
export async function beginOidcSignIn(
  settings: OidcSettings,
  next: string,
  now: number,
): Promise<{ redirectTo: string; pending: OidcPending }> {
  const config = await getConfiguration(settings);
  const pending: OidcPending = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    next,
    createdAt: now,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: scopeFor(config, settings.groupsClaim),
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { redirectTo: url.href, pending };
}

/** Exchanges the code (checking state, nonce, PKCE), reads the ID token claims (and userinfo when the groups claim is absent from the ID token): the user's name (preferred_username, else email, else sub) and groups (an array of strings, or a comma-separated string; missing → []). Throws OidcError with a user-readable message (never including the client secret or tokens). */
export async function finishOidcSignIn(
  settings: OidcSettings,
  callbackUrl: URL,
  pending: OidcPending,
): Promise<{ name: string; groups: string[] }> {
  const config = await getConfiguration(settings);
  try {
    // The token request repeats redirect_uri, taken from this URL: behind a proxy the request's own URL differs.
    const answer = new URL(settings.redirectUri);
    answer.search = callbackUrl.search;
    const tokens = await client.authorizationCodeGrant(config, answer, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const claims = await readClaims(config, tokens, settings.groupsClaim);
    return toOidcUser(claims, settings.groupsClaim);
  } catch (error) {
    throw toOidcError(error, settings.issuer);
  }
}

/** Seal/unseal the pending data into a cookie value with `jose` (compact JWE, dir + A256GCM) using a 32-byte key; unseal returns null for anything tampered or older than 10 minutes. */
export async function sealPending(pending: OidcPending, key: Uint8Array): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(pending)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(key);
}

const pendingSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  next: z.string(),
  createdAt: z.number(),
});

export async function unsealPending(
  value: string | undefined,
  key: Uint8Array,
  now: number,
): Promise<OidcPending | null> {
  if (!value) return null;
  try {
    const { plaintext } = await compactDecrypt(value, key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    const parsed = pendingSchema.safeParse(JSON.parse(new TextDecoder().decode(plaintext)));
    if (!parsed.success) return null;
    const age = now - parsed.data.createdAt;
    return age >= 0 && age <= PENDING_MAX_AGE_MS ? parsed.data : null;
  } catch {
    return null; // not a JWE, another key, or altered: all mean "start again"
  }
}

function getConfiguration(settings: OidcSettings): Promise<client.Configuration> {
  const key = [settings.issuer, settings.clientId, settings.clientSecret ?? ''].join('\n');
  let config = configurations.get(key);
  if (!config) {
    config = discover(settings).catch((error: unknown) => {
      configurations.delete(key); // the next sign-in tries again: the provider may be back
      throw error;
    });
    configurations.set(key, config);
  }
  return config;
}

async function discover(settings: OidcSettings): Promise<client.Configuration> {
  const auth = settings.clientSecret ? client.ClientSecretBasic(settings.clientSecret) : client.None();
  try {
    const issuer = new URL(settings.issuer);
    // openid-client refuses plain http; a provider on this very machine (tests, a local Dex) is not on the wire.
    // Anywhere else, http would carry codes and tokens in clear text, so it stays refused.
    const execute = isLoopbackHttp(issuer) ? [client.allowInsecureRequests] : [];
    return await client.discovery(issuer, settings.clientId, undefined, auth, {
      execute,
      timeout: REQUEST_TIMEOUT_S,
    });
  } catch (error) {
    throw new OidcError(`The sign-in provider ${settings.issuer} could not be used: ${reasonOf(error)}.`);
  }
}

/** The ID token's claims, completed by userinfo when the groups claim is not among them (the spec's default). */
async function readClaims(
  config: client.Configuration,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  groupsClaim: string,
): Promise<Record<string, unknown>> {
  const idClaims: Record<string, unknown> = tokens.claims() ?? {};
  if (groupsClaim in idClaims || !config.serverMetadata().userinfo_endpoint) return idClaims;
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, String(idClaims.sub));
  return { ...userinfo, ...idClaims };
}

function isLoopbackHttp(url: URL): boolean {
  if (url.protocol !== 'http:') return false;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Asks for the groups scope (named like the claim, as Keycloak, Dex and Authentik do) only where it exists. */
function scopeFor(config: client.Configuration, groupsClaim: string): string {
  const supported = config.serverMetadata().scopes_supported;
  if (!supported) return 'openid profile email';
  const extra = ['profile', 'email', groupsClaim].filter((scope) => supported.includes(scope));
  return ['openid', ...new Set(extra)].join(' ');
}

function toOidcUser(
  claims: Record<string, unknown>,
  groupsClaim: string,
): { name: string; groups: string[] } {
  const name = [claims.preferred_username, claims.email, claims.sub].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (!name) throw new OidcError('The sign-in provider did not say who signed in.');
  return { name, groups: toGroups(claims[groupsClaim]) };
}

function toGroups(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  return list
    .filter((group): group is string => typeof group === 'string')
    .map((group) => group.trim())
    .filter((group) => group !== '');
}

function toOidcError(error: unknown, issuer: string): OidcError {
  if (error instanceof OidcError) return error;
  if (error instanceof client.AuthorizationResponseError) {
    return new OidcError(`The sign-in provider refused the sign-in: ${describe(error)}.`);
  }
  if (error instanceof client.ResponseBodyError) {
    const hint = error.error === 'invalid_client' ? ' (check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET)' : '';
    return new OidcError(`The sign-in provider refused the code: ${describe(error)}${hint}.`);
  }
  if (error instanceof client.ClientError) {
    return new OidcError(
      `The answer from the sign-in provider did not check out (${reasonOf(error)}); sign in again.`,
    );
  }
  return new OidcError(`The sign-in provider ${issuer} could not be used: ${reasonOf(error)}.`);
}

function describe(error: { error: string; error_description?: string }): string {
  return error.error_description ? `${error.error} (${error.error_description})` : error.error;
}

/** The innermost useful words: openid-client wraps "unexpected "state" …" in "invalid response encountered". */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_S} s`;
  const cause: unknown = error.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    if (cause.code.startsWith('E')) return `${error.message} (${cause.code})`; // ECONNREFUSED, ENOTFOUND …
  }
  if (error instanceof client.ClientError && cause instanceof Error) return cause.message;
  if (cause instanceof Response) return `${error.message} (HTTP ${cause.status})`;
  return error.message;
}
