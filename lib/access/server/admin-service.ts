import 'server-only';
/** What admins manage (api-v1.md "Access"): local users, API tokens, share links, and the audit log to read. */
import { jsonError } from '@/lib/api/errors';
import type { Principal } from '../identity';
import type { Role } from '../roles';
import type { AccessParts } from './access-service';
import { auditEntries } from './audit';
import {
  apiTokensDto,
  createApiToken,
  createShareLink,
  revokeApiToken,
  revokeShareLink,
  shareLinksDto,
} from './revocables';
import { changeUser, createUser, removeUser, usersDto, type UserChange } from './users';

export { apiTokensDto, shareLinksDto, usersDto };

const answer = <T>(change: UserChange<T>, status = 200): Response =>
  change.ok
    ? change.value === null
      ? new Response(null, { status: 204 })
      : Response.json(change.value, { status })
    : jsonError(change.status, change.code, change.message);

/** Users live in hapscope's store only in local mode; elsewhere the identity provider or proxy owns them. */
function localOnly(parts: AccessParts): Response | null {
  const { mode } = parts.config.auth;
  return mode === 'local'
    ? null
    : jsonError(409, 'conflict', `AUTH_MODE=${mode}: users are managed where they sign in, not in hapscope`);
}

export async function addUser(
  parts: AccessParts,
  who: Principal,
  body: { name: string; role: Role; password: string },
  now: number,
) {
  return localOnly(parts) ?? answer(await createUser(parts, who, body, now), 201);
}

export async function editUser(
  parts: AccessParts,
  who: Principal,
  name: string,
  body: { role?: Role; password?: string },
  now: number,
) {
  return localOnly(parts) ?? answer(await changeUser(parts, who, name, body, now));
}

export async function deleteUser(parts: AccessParts, who: Principal, name: string, now: number) {
  return localOnly(parts) ?? answer(await removeUser(parts, who, name, now));
}

export async function addApiToken(
  parts: AccessParts,
  who: Principal,
  body: { name: string; role: Role; expiresInDays?: number | null },
  now: number,
) {
  return Response.json(await createApiToken(parts.store, who, body, now), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  });
}

export async function addShareLink(
  parts: AccessParts,
  who: Principal,
  body: { panel: string; target: string; label?: string | null; expiresInDays?: number | null },
  now: number,
) {
  const created = await createShareLink(parts.store, who, body, now);
  if (!created.ok) return jsonError(400, 'bad_parameter', created.message);
  return Response.json(
    { share: created.share, token: created.token },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}

export async function revoke(
  parts: AccessParts,
  who: Principal,
  kind: 'token' | 'share',
  id: string,
  now: number,
) {
  const done =
    kind === 'token'
      ? await revokeApiToken(parts.store, who, id, now)
      : await revokeShareLink(parts.store, who, id, now);
  return done
    ? new Response(null, { status: 204 })
    : jsonError(404, 'not_found', `no active ${kind === 'token' ? 'API token' : 'share link'} ${id}`);
}

export const auditDto = async (parts: AccessParts, options: { limit: number; before?: number }) => ({
  entries: await auditEntries(parts.store, options),
});
