import 'server-only';
/**
 * Who a request is (api-v1.md "Access"), in this order: an `Authorization: Bearer` token (API token, share token or
 * an EMBED_TOKEN_SECRET token); in `none` mode everyone, as admin; in `proxy` mode the trusted proxy's headers; a
 * session cookie (local and oidc); PUBLIC_EMBEDS's grant of every panel. A presented credential that is not valid
 * is an answer of its own (`refused`), never silently ignored.
 */
import type { Config } from '@/lib/config';
import { readEmbedToken } from '@/lib/embeds/embed-token';
import type { RevocableTable, Store } from '@/lib/store';
import { bearerToken, parseSessionCookie, parseToken, readCookie, SESSION_COOKIE } from '../credentials';
import type { Identity } from '../identity';
import { roleForGroups } from '../role-groups';
import { warnOnce, type AccessState } from './access-state';
import { peerAddress } from './client-address';
import { secretMatches } from './secrets';

export interface IdentifyParts {
  config: Pick<Config, 'auth' | 'embedTokenSecret'>;
  store: Pick<Store, 'access'>;
  access: AccessState;
}

/** `refused`: a credential was presented and is not good (401), or the identity has no role here (403). */
export type Identified = { who: Identity | null } | { refused: string; status: 401 | 403 };

/** Where a request carries its credentials: headers, and for embeds and badges the `token` query parameter. */
export interface Presented {
  headers: Headers;
  /** `?token=` of an embed or badge URL (an `<img>` cannot send a header). */
  queryToken?: string | null;
  /** The read is one an embed makes: PUBLIC_EMBEDS opens it to anyone. */
  shareable?: boolean;
}

const TOUCH_EVERY_MS = 60_000;

export async function identify(parts: IdentifyParts, request: Presented, now: number): Promise<Identified> {
  const token = bearerToken(request.headers.get('authorization')) ?? request.queryToken ?? null;
  if (token) return tokenIdentity(parts, token, now);
  const { auth } = parts.config;
  if (auth.mode === 'none')
    return { who: { kind: 'principal', name: 'anyone', role: 'admin', via: 'none', detail: null } };
  if (auth.mode === 'proxy') {
    const who = proxyIdentity(parts, request.headers);
    if (who) return who;
  } else {
    const session = await sessionIdentity(parts, request.headers, now);
    if (session) return session;
  }
  if (auth.publicEmbeds && request.shareable)
    return { who: { kind: 'share', shareId: null, scope: { panel: '*', target: '*' } } };
  return { who: null };
}

async function tokenIdentity(parts: IdentifyParts, token: string, now: number): Promise<Identified> {
  const parsed = parseToken(token);
  const { access } = parts.store;
  if (parsed?.kind === 'api') {
    const row = await access.getApiToken(parsed.id);
    const problem = revocableProblem(row, parsed.secret, now, 'API token');
    if (problem || !row) return { refused: problem ?? 'unknown API token', status: 401 };
    await markUsedAtMostEveryMinute(parts, 'api_tokens', row.id, row.last_used_at, now);
    return { who: { kind: 'principal', name: row.name, role: row.role, via: 'token', detail: row.id } };
  }
  if (parsed?.kind === 'share') {
    const row = await access.getShareLink(parsed.id);
    const problem = revocableProblem(row, parsed.secret, now, 'share link');
    if (problem || !row) return { refused: problem ?? 'unknown share link', status: 401 };
    await markUsedAtMostEveryMinute(parts, 'share_links', row.id, row.last_used_at, now);
    return { who: { kind: 'share', shareId: row.id, scope: { panel: row.panel, target: row.target } } };
  }
  return legacyEmbedToken(parts, token, now);
}

/** Tokens minted with EMBED_TOKEN_SECRET keep working while the secret is set (they cannot be revoked one by one). */
function legacyEmbedToken(parts: IdentifyParts, token: string, now: number): Identified {
  const secret = parts.config.embedTokenSecret;
  if (!secret) return { refused: 'not a hapscope token', status: 401 };
  const check = readEmbedToken(token, secret, now);
  if (!check.ok) return { refused: check.reason, status: 401 };
  const { panel, target } = check.payload;
  return { who: { kind: 'share', shareId: null, scope: { panel, target } } };
}

interface RevocableRow {
  secret_hash: Buffer;
  expires_at: number | null;
  revoked_at: number | null;
}

function revocableProblem(
  row: RevocableRow | undefined,
  secret: string,
  now: number,
  what: string,
): string | null {
  if (!row || !secretMatches(secret, row.secret_hash)) return `unknown ${what}`;
  if (row.revoked_at !== null) return `this ${what} was revoked`;
  if (row.expires_at !== null && row.expires_at <= now) return `this ${what} has expired`;
  return null;
}

async function markUsedAtMostEveryMinute(
  parts: IdentifyParts,
  table: RevocableTable,
  id: string,
  lastUsed: number | null,
  now: number,
) {
  if (lastUsed === null || now - lastUsed >= TOUCH_EVERY_MS)
    await parts.store.access.markUsed(table, id, now);
}

function proxyIdentity(parts: IdentifyParts, headers: Headers): Identified | null {
  const { proxy, roleGroups } = parts.config.auth;
  const user = headers.get(proxy.userHeader)?.trim();
  if (!user) return null;
  const peer = peerAddress(headers);
  if (!peer)
    parts.access.problems.set(
      'peer',
      'Sign-in (AUTH_MODE=proxy): requests arrive without their TCP peer, so no proxy can be trusted and every ' +
        'identity header is ignored — start hapscope with `npm start` (server.mjs), not a bare `next start`',
    );
  if (!peer || !parts.access.trusted.contains(peer)) {
    warnOnce(
      parts.access,
      `untrusted:${peer}`,
      `ignored ${proxy.userHeader} from ${peer ?? 'an unknown address'}: not in AUTH_PROXY_TRUSTED`,
    );
    return null;
  }
  const groups = (headers.get(proxy.groupsHeader) ?? '')
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
  const role = roleForGroups(roleGroups, groups);
  if (!role)
    return {
      refused: `${user}'s groups (${groups.join(', ') || 'none'}) match no role in AUTH_ROLE_GROUPS`,
      status: 403,
    };
  return { who: { kind: 'principal', name: user, role, via: 'proxy', detail: null } };
}

async function sessionIdentity(
  parts: IdentifyParts,
  headers: Headers,
  now: number,
): Promise<Identified | null> {
  const credential = parseSessionCookie(readCookie(headers.get('cookie'), SESSION_COOKIE));
  if (!credential) return null;
  const row = await parts.store.access.getSession(credential.id);
  if (!row || !secretMatches(credential.secret, row.secret_hash)) return null;
  if (row.expires_at <= now || now - row.last_seen_at >= parts.config.auth.sessionIdleMs) return null;
  const touched = parts.access.touched.get(row.id) ?? row.last_seen_at;
  if (now - touched >= TOUCH_EVERY_MS) {
    // Marked first: requests that come while it is written do not write it again.
    parts.access.touched.set(row.id, now);
    await parts.store.access.touchSession(row.id, now);
    if (parts.access.touched.size > 10_000) parts.access.touched.clear();
  }
  return { who: { kind: 'principal', name: row.user_name, role: row.role, via: 'session', detail: row.via } };
}
