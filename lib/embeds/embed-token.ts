/**
 * Embed tokens: `base64url(JSON {panel, target, exp}).base64url(HMAC-SHA256(secret, first part))`.
 * Scoped to one panel and one target (embedTargetKey; "*" for any), expiring at `exp` (epoch seconds).
 * Pure apart from the HMAC: `now` is a parameter. Server-side only (node:crypto); never imported by the browser.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface EmbedTokenPayload {
  panel: string;
  target: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenCheck = { ok: true; payload: EmbedTokenPayload } | { ok: false; reason: string };

export const MIN_SECRET_LENGTH = 16;

export function signEmbedToken(payload: EmbedTokenPayload, secret: string): string {
  assertSecret(secret);
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifyEmbedToken(
  token: string | null,
  secret: string,
  scope: { panel: string; target: string; nowMs: number },
): TokenCheck {
  const check = readEmbedToken(token, secret, scope.nowMs);
  if (!check.ok) return check;
  const { payload } = check;
  if (payload.panel !== '*' && payload.panel !== scope.panel)
    return { ok: false, reason: `the token is for the ${payload.panel} panel` };
  if (payload.target !== '*' && payload.target !== scope.target)
    return { ok: false, reason: `the token is for “${payload.target}”` };
  return check;
}

/** A token's signature and expiry, and the scope it names (checked by the caller). */
export function readEmbedToken(token: string | null, secret: string, nowMs: number): TokenCheck {
  assertSecret(secret);
  if (!token) return { ok: false, reason: 'this embed needs a token (token=…)' };
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return { ok: false, reason: 'the token is malformed' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(body, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'the token signature is not valid' };
  const payload = decodePayload(body);
  if (!payload) return { ok: false, reason: 'the token is malformed' };
  if (payload.exp * 1000 <= nowMs) return { ok: false, reason: 'the token has expired' };
  return { ok: true, payload };
}

function decodePayload(body: string): EmbedTokenPayload | null {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<EmbedTokenPayload>;
    if (typeof value.panel !== 'string' || typeof value.target !== 'string') return null;
    if (typeof value.exp !== 'number' || !Number.isFinite(value.exp)) return null;
    return { panel: value.panel, target: value.target, exp: value.exp };
  } catch {
    return null;
  }
}

const mac = (body: string, secret: string) => createHmac('sha256', secret).update(body).digest('base64url');

function assertSecret(secret: string) {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`EMBED_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
}
