/** The API tokens page's words: expiry choices, state labels, the example request. Pure. */
import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { ago, relativeTo } from './admin-time';

export const EXPIRY_CHOICES = [
  { label: 'Never', days: null },
  { label: '30 days', days: 30 },
  { label: '90 days', days: 90 },
  { label: '365 days', days: 365 },
] as const;

export type ExpiryDays = (typeof EXPIRY_CHOICES)[number]['days'];

export interface TokenStateView {
  label: string;
  /** A Badge tone. */
  tone: 'ok' | 'nocheck' | 'error';
  /** When it ends or ended, and who ended it. */
  detail: string;
}

type TokenTimes = Pick<ApiTokenDto, 'state' | 'expiresAt' | 'revokedAt' | 'revokedBy'>;

export function tokenStateView(token: TokenTimes, now: number): TokenStateView {
  if (token.state === 'revoked')
    return {
      label: 'revoked',
      tone: 'error',
      detail: `revoked${token.revokedBy ? ` by ${token.revokedBy}` : ''} ${ago(token.revokedAt, now)}`,
    };
  if (token.state === 'expired')
    return { label: 'expired', tone: 'nocheck', detail: `expired ${relativeTo(token.expiresAt, now)}` };
  return { label: 'active', tone: 'ok', detail: expiryText(token.expiresAt, now) };
}

/** "never expires", "expires in 29 d", "expired 3 d ago". */
export function expiryText(expiresAt: string | null, now: number): string {
  if (!expiresAt) return 'never expires';
  return Date.parse(expiresAt) > now
    ? `expires ${relativeTo(expiresAt, now)}`
    : `expired ${relativeTo(expiresAt, now)}`;
}

/** A request that proves the token works, against hapscope's own address. */
export const curlExample = (origin: string, secret: string) =>
  `curl -H "Authorization: Bearer ${secret}" ${origin.replace(/\/+$/, '')}/api/v1/snapshot`;

/** Active tokens first (what an admin acts on), each group newest first. */
export function sortTokens<T extends Pick<ApiTokenDto, 'state' | 'createdAt'>>(tokens: readonly T[]): T[] {
  const rank = (t: T) => (t.state === 'active' ? 0 : 1);
  return [...tokens].sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
