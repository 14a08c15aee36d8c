/** The alert API's writes: acknowledge, mute, unmute. Errors carry the API's own message. */
import type { AlertTarget } from '@/lib/alerts/types';
import { ackUrl, muteUrl, mutesUrl } from '@/lib/api/urls';
import { ApiError } from '../hooks/fetch-json';

async function send(url: string, method: string, body?: unknown): Promise<void> {
  const res = await fetch(url, {
    method,
    // JSON even without a body: hapscope refuses any other state change (lib/api/same-origin.ts)
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    const error = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiError(res.status, error?.error?.message ?? `HTTP ${res.status}`);
  }
}

/** No name in the body: the server records whoever is signed in (or the token's name). */
export const postAck = (id: string) => send(ackUrl(id), 'POST', {});

/** Only the target fields that are set: a mute names what it covers, the rest matches anything. */
export function postMute(target: AlertTarget, durationMinutes: number, reason: string | null) {
  const named = Object.fromEntries(Object.entries(target).filter(([, value]) => value !== null));
  return send(mutesUrl(), 'POST', { target: named, durationMinutes, ...(reason ? { reason } : {}) });
}

export const deleteMute = (id: number) => send(muteUrl(id), 'DELETE');
