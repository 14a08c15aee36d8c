/** The admin API's writes, sent as same-origin JSON (the server refuses any other state change). */
import { apiTokensUrl, apiTokenUrl, usersUrl, userUrl } from '@/lib/api/urls';
import type { Role } from '@/lib/access/roles';
import type { ApiTokenDto, UserDto } from '@/lib/api/schemas/access';
import { ApiError } from '../../hooks/fetch-json';
import { asSentence } from '../../shell/message-text';

/** The answer's JSON, or null for 204; a refusal throws with the server's own words as a sentence. */
async function sendJson<T>(
  url: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  body?: unknown,
): Promise<T | null> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null;
  const json = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, asSentence(json?.error?.message ?? `HTTP ${res.status}`));
  return json;
}

export const createUser = (body: { name: string; role: Role; password: string }) =>
  sendJson<UserDto>(usersUrl(), 'POST', body);

/** A new role or password ends the user's sessions: they sign in again. */
export const updateUser = (name: string, body: { role?: Role; password?: string }) =>
  sendJson<UserDto>(userUrl(name), 'PATCH', body);

export const removeUser = (name: string) => sendJson<never>(userUrl(name), 'DELETE');

export async function createApiToken(body: { name: string; role: Role; expiresInDays: number | null }) {
  const created = await sendJson<{ token: ApiTokenDto; secret: string }>(apiTokensUrl(), 'POST', body);
  if (!created) throw new Error('The server answered without the new token.');
  return created;
}

export const revokeApiToken = (id: string) => sendJson<never>(apiTokenUrl(id), 'DELETE');
