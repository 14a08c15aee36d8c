/**
 * The shape of hapscope's secrets: `hsc_<id>_<secret>` API tokens, `hss_<id>_<secret>` share tokens and
 * `<id>.<secret>` session cookies. The id is public (it finds the stored row); only a hash of the secret is
 * stored, and the hashes are compared in constant time (lib/access/server/secrets.ts). Pure.
 */
export const API_TOKEN_PREFIX = 'hsc_';
export const SHARE_TOKEN_PREFIX = 'hss_';
export const SESSION_COOKIE = 'hapscope_session';

export interface Credential {
  id: string;
  secret: string;
}

const ID = '[0-9a-f]{16}';
const SECRET = '[A-Za-z0-9_-]{43}';
const TOKEN = new RegExp(`^(hsc_|hss_)(${ID})_(${SECRET})$`);
const SESSION = new RegExp(`^(${ID})\\.(${SECRET})$`);

export type TokenKind = 'api' | 'share';

/** `hsc_…` or `hss_…` split into kind, id and secret; null for anything else. */
export function parseToken(text: string): (Credential & { kind: TokenKind }) | null {
  const match = TOKEN.exec(text.trim());
  if (!match) return null;
  return { kind: match[1] === API_TOKEN_PREFIX ? 'api' : 'share', id: match[2]!, secret: match[3]! };
}

export function parseSessionCookie(text: string | undefined): Credential | null {
  const match = text ? SESSION.exec(text) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export const formatToken = (kind: TokenKind, { id, secret }: Credential) =>
  `${kind === 'api' ? API_TOKEN_PREFIX : SHARE_TOKEN_PREFIX}${id}_${secret}`;

export const formatSessionCookie = ({ id, secret }: Credential) => `${id}.${secret}`;

/** The value of one cookie in a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** `Bearer <token>` → the token. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}
