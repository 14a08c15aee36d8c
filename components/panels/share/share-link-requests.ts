/** Creating and revoking share links, sent as same-origin JSON (the server refuses any other state change). */
import { shareLinksUrl, shareLinkUrl } from '@/lib/api/urls';
import type { ShareLinkDto } from '@/lib/api/schemas/access';
import { ApiError } from '../../hooks/fetch-json';
import { asSentence } from '../../shell/message-text';

export interface NewShareLink {
  panel: string;
  /** embedTargetKey: instance/backend/server, instance/backend, pool:<name> or *. */
  target: string;
  label: string | null;
  expiresInDays: number | null;
}

async function send(url: string, method: 'POST' | 'DELETE', body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null;
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, asSentence(json?.error?.message ?? `HTTP ${res.status}`));
  return json;
}

/** POST /api/v1/shares: the link and its token, which the server shows this once. */
export async function createShareLink(body: NewShareLink): Promise<{ share: ShareLinkDto; token: string }> {
  const created = (await send(shareLinksUrl(), 'POST', body)) as {
    share: ShareLinkDto;
    token: string;
  } | null;
  if (!created?.token) throw new Error('The server answered without the new share link.');
  return created;
}

/** DELETE /api/v1/shares/{id}: it stops working at once and stays listed as revoked. */
export const revokeShareLink = async (id: string): Promise<void> => {
  await send(shareLinkUrl(id), 'DELETE');
};
