import 'server-only';
/** Local users (AUTH_MODE=local): the first admin, sign-in with throttling, and the admin's user changes. */
import type { UserDto } from '@/lib/api/schemas/access';
import type { Config } from '@/lib/config';
import type { HistoryStore } from '@/lib/store';
import {
  countUsers,
  deleteUser,
  deleteUserSessions,
  getUser,
  insertUser,
  listUsers,
  markSignIn,
  updateUser,
  type UserRow,
} from '@/lib/store/access-store';
import type { Principal } from '../identity';
import type { Role } from '../roles';
import type { AccessState } from './access-state';
import { recordAudit } from './audit';
import { decoyPasswordHash, hashPassword, randomPassword, verifyPassword } from './secrets';

export interface UserParts {
  config: Pick<Config, 'auth'>;
  store: HistoryStore;
  access: AccessState;
}

export const FIRST_ADMIN = 'admin';

/**
 * local mode, first start: with no user yet, create `admin` with HAPSCOPE_ADMIN_PASSWORD, or a random password
 * printed once to the log (the only time hapscope prints a secret: there is no other way to hand it over).
 */
export function ensureFirstAdmin(parts: UserParts, now: number): Promise<void> {
  parts.access.firstAdmin ??= createFirstAdmin(parts, now);
  return parts.access.firstAdmin;
}

async function createFirstAdmin(parts: Omit<UserParts, 'access'>, now: number): Promise<void> {
  if (parts.config.auth.mode !== 'local' || countUsers(parts.store.db()) > 0) return;
  const given = parts.config.auth.adminPassword;
  const password = given ?? randomPassword();
  const created = insertUser(parts.store.db(), {
    name: FIRST_ADMIN,
    role: 'admin',
    password_hash: await hashPassword(password),
    created_at: now,
    created_by: null,
  });
  if (!created) return;
  console.log(
    given
      ? `[hapscope] created user "${FIRST_ADMIN}" (admin) with the password in HAPSCOPE_ADMIN_PASSWORD`
      : `[hapscope] created user "${FIRST_ADMIN}" (admin) with password ${password} — shown once; change it under Admin → Users`,
  );
}

export type SignInResult =
  | { ok: true; user: { name: string; role: Role } }
  | { ok: false; status: 401 | 429; message: string; retryAfterSec?: number };

const WRONG = 'wrong user name or password';

/** A wrong password and an unknown user get the same answer after the same work (no user enumeration). */
export async function checkPassword(
  parts: UserParts,
  name: string,
  password: string,
  address: string,
  now: number,
): Promise<SignInResult> {
  await parts.access.firstAdmin?.catch(() => {}); // a failure was logged where it happened
  const { throttle } = parts.access;
  const waitMs = throttle.waitMs(name, address, now);
  if (waitMs > 0) {
    const retryAfterSec = Math.ceil(waitMs / 1000);
    return {
      ok: false,
      status: 429,
      message: `too many failed sign-ins: try again in ${retryAfterSec} s`,
      retryAfterSec,
    };
  }
  const row = getUser(parts.store.db(), name);
  const good = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
  if (!row || !good) {
    throttle.recordFailure(name, address, now);
    return { ok: false, status: 401, message: WRONG };
  }
  throttle.recordSuccess(name);
  markSignIn(parts.store.db(), row.name, now);
  return { ok: true, user: { name: row.name, role: row.role } };
}

export const toUserDto = (row: UserRow): UserDto => ({
  name: row.name,
  role: row.role,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  lastSignInAt: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at).toISOString(),
});

export const usersDto = (parts: Pick<UserParts, 'store'>) => ({
  users: listUsers(parts.store.db()).map(toUserDto),
});

export type UserChange<T> =
  { ok: true; value: T } | { ok: false; status: 404 | 409; code: string; message: string };

export async function createUser(
  parts: Pick<UserParts, 'store'>,
  who: Principal,
  body: { name: string; role: Role; password: string },
  now: number,
): Promise<UserChange<UserDto>> {
  const db = parts.store.db();
  const row = {
    name: body.name,
    role: body.role,
    password_hash: await hashPassword(body.password),
    created_at: now,
    created_by: who.name,
  };
  if (!insertUser(db, row))
    return { ok: false, status: 409, code: 'conflict', message: `user "${body.name}" exists` };
  recordAudit(parts.store, who, 'user.create', `user:${body.name}`, `role ${body.role}`, now);
  return { ok: true, value: toUserDto({ ...row, last_sign_in_at: null }) };
}

/** A new role or password ends the user's sessions: they sign in again with what they now are. */
export async function changeUser(
  parts: Pick<UserParts, 'store'>,
  who: Principal,
  name: string,
  body: { role?: Role; password?: string },
  now: number,
): Promise<UserChange<UserDto>> {
  const db = parts.store.db();
  const row = getUser(db, name);
  if (!row) return { ok: false, status: 404, code: 'not_found', message: `no user "${name}"` };
  if (body.role && body.role !== 'admin' && row.role === 'admin' && lastAdmin(parts, name))
    return { ok: false, status: 409, code: 'conflict', message: `"${name}" is the last admin` };
  const password_hash = body.password ? await hashPassword(body.password) : undefined;
  updateUser(db, name, { role: body.role, password_hash });
  deleteUserSessions(db, name);
  const what = [body.role && `role ${body.role}`, body.password && 'password changed']
    .filter(Boolean)
    .join(', ');
  recordAudit(parts.store, who, 'user.update', `user:${name}`, what, now);
  return { ok: true, value: toUserDto(getUser(db, name)!) };
}

export function removeUser(
  parts: Pick<UserParts, 'store'>,
  who: Principal,
  name: string,
  now: number,
): UserChange<null> {
  const db = parts.store.db();
  const row = getUser(db, name);
  if (!row) return { ok: false, status: 404, code: 'not_found', message: `no user "${name}"` };
  if (row.role === 'admin' && lastAdmin(parts, name))
    return { ok: false, status: 409, code: 'conflict', message: `"${name}" is the last admin` };
  deleteUser(db, name);
  deleteUserSessions(db, name);
  recordAudit(parts.store, who, 'user.delete', `user:${name}`, null, now);
  return { ok: true, value: null };
}

const lastAdmin = (parts: Pick<UserParts, 'store'>, name: string) =>
  listUsers(parts.store.db()).every((user) => user.name === name || user.role !== 'admin');
