import 'server-only';
/**
 * Signing in and out: a local user's password (throttled, no user enumeration), or the OpenID Connect round trip
 * (lib/access/server/oidc.ts, openid-client). Either ends in a session cookie (sessions.ts).
 */
import { randomBytes } from 'node:crypto';
import { jsonError } from '@/lib/api/errors';
import { ownOrigin } from '@/lib/api/same-origin';
import { META_COOKIE_KEY, type Store } from '@/lib/store';
import { readCookie } from '../credentials';
import { roleForGroups } from '../role-groups';
import { safeNextPath } from '../next-path';
import type { AccessParts } from './access-service';
import { clientAddress } from './client-address';
import {
  beginOidcSignIn,
  finishOidcSignIn,
  OidcError,
  PENDING_MAX_AGE_MS,
  sealPending,
  unsealPending,
  type OidcSettings,
} from './oidc';
import { recordAudit } from './audit';
import { endSession, isHttps, startSession } from './sessions';
import { checkPassword } from './users';

const OIDC_COOKIE = 'hapscope_oidc';

/** Sign-in keeps its cookie key in the store's meta. */
type SignInParts = AccessParts & { store: Pick<Store, 'meta'> };
const OIDC_PATH = '/api/v1/auth/oidc';

/** POST /api/v1/auth/signin `{ name, password }` (local mode). */
export async function signIn(
  parts: AccessParts,
  request: Request,
  body: { name: string; password: string },
  now: number,
) {
  if (parts.config.auth.mode !== 'local')
    return jsonError(
      409,
      'conflict',
      `AUTH_MODE=${parts.config.auth.mode}: there are no hapscope passwords to sign in with`,
    );
  const address = clientAddress(request.headers, parts.access.trusted);
  const result = await checkPassword(parts, body.name, body.password, address, now);
  if (!result.ok) {
    const response = jsonError(
      result.status,
      result.status === 429 ? 'too_many_requests' : 'unauthenticated',
      result.message,
    );
    if (result.retryAfterSec) response.headers.set('retry-after', String(result.retryAfterSec));
    return response;
  }
  const cookie = await startSession(parts, { ...result.user, via: 'local' }, request, now);
  await recordAudit(
    parts.store,
    result.user.name,
    'session.sign-in',
    `user:${result.user.name}`,
    `local from ${address}`,
    now,
  );
  return Response.json(
    { user: result.user },
    { headers: { 'set-cookie': cookie, 'cache-control': 'no-store' } },
  );
}

/** POST /api/v1/auth/signout: ends the session the cookie names and clears it. */
export async function signOut(parts: AccessParts, request: Request) {
  return new Response(null, { status: 204, headers: { 'set-cookie': await endSession(parts, request) } });
}

/** GET /api/v1/auth/oidc/start?next=/path: to the provider, with state, nonce and PKCE sealed in a cookie. */
export async function oidcStart(parts: SignInParts, request: Request, next: string | null, now: number) {
  const settings = oidcSettings(parts, request);
  if (!settings) return jsonError(409, 'conflict', 'AUTH_MODE is not oidc');
  try {
    const { redirectTo, pending } = await beginOidcSignIn(settings, safeNextPath(next), now);
    parts.access.problems.delete('oidc');
    const sealed = await sealPending(pending, await cookieKey(parts));
    const cookie = oidcCookie(parts, request, sealed, Math.round(PENDING_MAX_AGE_MS / 1000));
    return new Response(null, { status: 302, headers: { location: redirectTo, 'set-cookie': cookie } });
  } catch (error) {
    noteProviderFault(parts, error);
    return signInFailed(parts, request, error);
  }
}

/**
 * At start-up (oidc mode): discovery once, so an unusable provider shows in health before anyone tries to sign
 * in; it is retried, and the problem cleared, by the next sign-in that reaches the provider.
 */
export async function probeOidc(parts: AccessParts, now: number): Promise<void> {
  const { oidc, mode } = parts.config.auth;
  if (mode !== 'oidc' || !oidc) return;
  const redirectUri = `${parts.config.publicOrigin ?? 'http://localhost'}${OIDC_PATH}/callback`;
  try {
    await beginOidcSignIn({ ...oidc, redirectUri }, '/', now);
    parts.access.problems.delete('oidc');
  } catch (error) {
    noteProviderFault(parts, error);
  }
}

/** Starting a sign-in fails only when the provider cannot be used (discovery): nobody can sign in then. */
function noteProviderFault(parts: AccessParts, error: unknown) {
  const reason = error instanceof OidcError ? error.message : String(error);
  parts.access.problems.set(
    'oidc',
    `Sign-in (AUTH_MODE=oidc): ${reason} Nobody can sign in until it answers; check OIDC_ISSUER`,
  );
}

/** GET /api/v1/auth/oidc/callback: the provider's answer → a session with the role the groups earn → `next`. */
export async function oidcCallback(parts: SignInParts, request: Request, now: number) {
  const settings = oidcSettings(parts, request);
  if (!settings) return jsonError(409, 'conflict', 'AUTH_MODE is not oidc');
  const pending = await unsealPending(
    readCookie(request.headers.get('cookie'), OIDC_COOKIE),
    await cookieKey(parts),
    now,
  );
  if (!pending)
    return signInFailed(
      parts,
      request,
      new OidcError('The sign-in took too long or was not started here; sign in again.'),
    );
  try {
    const { name, groups } = await finishOidcSignIn(settings, new URL(request.url), pending);
    const role = roleForGroups(parts.config.auth.roleGroups, groups);
    if (!role)
      return signInFailed(
        parts,
        request,
        new OidcError(`${name}'s groups (${groups.join(', ') || 'none'}) match no role in AUTH_ROLE_GROUPS.`),
      );
    const headers = new Headers({ location: pending.next });
    headers.append('set-cookie', await startSession(parts, { name, role, via: 'oidc' }, request, now));
    headers.append('set-cookie', oidcCookie(parts, request, '', 0));
    await recordAudit(
      parts.store,
      name,
      'session.sign-in',
      `user:${name}`,
      `oidc as ${role} (groups ${groups.join(', ') || 'none'})`,
      now,
    );
    return new Response(null, { status: 302, headers });
  } catch (error) {
    return signInFailed(parts, request, error);
  }
}

function oidcSettings(parts: AccessParts, request: Request): OidcSettings | null {
  const { oidc, mode } = parts.config.auth;
  if (mode !== 'oidc' || !oidc) return null;
  // The origin the browser used (Host), not the one Next.js was started with: the provider sends it back there.
  const origin = ownOrigin(request, parts.config.publicOrigin);
  return { ...oidc, redirectUri: `${origin}${OIDC_PATH}/callback` };
}

/** Back to the sign-in page, which shows what went wrong (never a secret: OidcError messages are written by us). */
function signInFailed(parts: AccessParts, request: Request, error: unknown) {
  const message = error instanceof OidcError ? error.message : 'The sign-in failed; see the server log.';
  if (!(error instanceof OidcError)) console.error('[hapscope] OpenID sign-in failed:', error);
  const headers = new Headers({ location: `/signin?error=${encodeURIComponent(message)}` });
  headers.append('set-cookie', oidcCookie(parts, request, '', 0));
  return new Response(null, { status: 302, headers });
}

function oidcCookie(parts: AccessParts, request: Request, value: string, maxAgeSec: number) {
  const secure = isHttps(parts, request) ? '; Secure' : '';
  return `${OIDC_COOKIE}=${value}; Path=${OIDC_PATH}; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSec}${secure}`;
}

/**
 * Kept in the store, so every replica and a restart between start and callback read the same key; made by the
 * first that needs it (the store keeps the first one made, whoever asks at once).
 */
async function cookieKey(parts: SignInParts): Promise<Uint8Array> {
  const { meta } = parts.store;
  const key =
    (await meta.readMeta(META_COOKIE_KEY)) ??
    (await meta.ensureMeta(META_COOKIE_KEY, randomBytes(32).toString('base64url')));
  return Buffer.from(key, 'base64url');
}
