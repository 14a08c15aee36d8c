import 'server-only';
/**
 * Sessions of signed-in users (local and oidc): a random `<id>.<secret>` cookie, HttpOnly, SameSite=Lax (sent on
 * a link followed from a wiki, never on another site's POST), Secure when hapscope is reached over HTTPS; stored as
 * the secret's hash; ended by sign-out, SESSION_IDLE_HOURS unused or SESSION_MAX_DAYS after sign-in.
 */
import type { Config } from '@/lib/config';
import type { Store } from '@/lib/store';
import { formatSessionCookie, parseSessionCookie, readCookie, SESSION_COOKIE } from '../credentials';
import type { Role } from '../roles';
import { hashSecret, newCredential, secretMatches } from './secrets';

export interface SessionParts {
  config: Pick<Config, 'auth' | 'publicOrigin'>;
  store: Pick<Store, 'access'>;
}

/** Starts a session; the Set-Cookie header value that carries it. */
export async function startSession(
  parts: SessionParts,
  user: { name: string; role: Role; via: 'local' | 'oidc' },
  request: Request,
  now: number,
): Promise<string> {
  const { sessionIdleMs, sessionMaxMs } = parts.config.auth;
  const { access } = parts.store;
  await access.pruneSessions(now, sessionIdleMs);
  const credential = newCredential();
  await access.insertSession({
    id: credential.id,
    secret_hash: hashSecret(credential.secret),
    user_name: user.name,
    role: user.role,
    via: user.via,
    created_at: now,
    last_seen_at: now,
    expires_at: now + sessionMaxMs,
  });
  return sessionCookie(parts, request, formatSessionCookie(credential), Math.round(sessionMaxMs / 1000));
}

/** Ends the request's session, if it has one; the Set-Cookie header value that clears the cookie. */
export async function endSession(parts: SessionParts, request: Request): Promise<string> {
  const credential = parseSessionCookie(readCookie(request.headers.get('cookie'), SESSION_COOKIE));
  if (credential) {
    const row = await parts.store.access.getSession(credential.id);
    if (row && secretMatches(credential.secret, row.secret_hash))
      await parts.store.access.deleteSession(row.id);
  }
  return sessionCookie(parts, request, '', 0);
}

/** Secure when users reach hapscope over HTTPS (PUBLIC_URL, or a TLS-terminating proxy saying so). */
export function isHttps(parts: Pick<SessionParts, 'config'>, request: Request): boolean {
  const { publicOrigin } = parts.config;
  if (publicOrigin) return publicOrigin.startsWith('https:');
  return new URL(request.url).protocol === 'https:';
}

export function sessionCookie(
  parts: Pick<SessionParts, 'config'>,
  request: Request,
  value: string,
  maxAgeSec: number,
) {
  const secure = isHttps(parts, request) ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSec}${secure}`;
}
