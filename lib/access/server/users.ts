import 'server-only';
/** Local users (AUTH_MODE=local): the first admin, sign-in with throttling, and the admin's user changes. */
import type { UserDto } from '@/lib/api/schemas/access';
import type { Config } from '@/lib/config';
import type { Store, UserRefusal, UserRow } from '@/lib/store';
import type { Principal } from '../identity';
import type { Role } from '../roles';
import type { AccessState } from './access-state';
import { recordAudit } from './audit';
import { decoyPasswordHash, hashPassword, randomPassword, verifyPassword } from './secrets';

export interface UserParts {
  config: Pick<Config, 'auth'>;
  store: Pick<Store, 'access'>;
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
  if (parts.config.auth.mode !== 'local' || (await parts.store.access.countUsers()) > 0) return;
  const given = parts.config.auth.adminPassword;
  const password = given ?? randomPassword();
  const created = await parts.store.access.insertUser({
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
  const row = await parts.store.access.getUser(name);
  const good = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
  if (!row || !good) {
    throttle.recordFailure(name, address, now);
    return { ok: false, status: 401, message: WRONG };
  }
  throttle.recordSuccess(name);
  await parts.store.access.markSignIn(row.name, now);
  return { ok: true, user: { name: row.name, role: row.role } };
}

export const toUserDto = (row: UserRow): UserDto => ({
  name: row.name,
  role: row.role,
  createdAt: new Date(row.created_at).toISOString(),
  createdBy: row.created_by,
  lastSignInAt: row.last_sign_in_at === null ? null : new Date(row.last_sign_in_at).toISOString(),
});

export const usersDto = async (parts: Pick<UserParts, 'store'>) => ({
  users: (await parts.store.access.listUsers()).map(toUserDto),
});

export type UserChange<T> =
  { ok: true; value: T } | { ok: false; status: 404 | 409; code: string; message: string };

export async function createUser(
  parts: Pick<UserParts, 'store'>,
  who: Principal,
  body: { name: string; role: Role; password: string },
  now: number,
): Promise<UserChange<UserDto>> {
  const row = {
    name: body.name,
    role: body.role,
    password_hash: await hashPassword(body.password),
    created_at: now,
    created_by: who.name,
  };
  if (!(await parts.store.access.insertUser(row)))
    return { ok: false, status: 409, code: 'conflict', message: `user "${body.name}" exists` };
  await recordAudit(parts.store, who, 'user.create', `user:${body.name}`, `role ${body.role}`, now);
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
  const { access } = parts.store;
  const row = await access.getUser(name);
  if (!row) return refused('not-found', name);
  if (body.role && body.role !== 'admin' && row.role === 'admin' && (await lastAdmin(parts, name)))
    return refused('last-admin', name);
  const password_hash = body.password ? await hashPassword(body.password) : undefined;
  // The store checks again, with the change: another admin's change in between cannot leave no admin.
  const changed = await access.changeUser(name, { role: body.role, password_hash });
  if (typeof changed === 'string') return refused(changed, name);
  const what = [body.role && `role ${body.role}`, body.password && 'password changed']
    .filter(Boolean)
    .join(', ');
  await recordAudit(parts.store, who, 'user.update', `user:${name}`, what, now);
  return { ok: true, value: toUserDto(changed) };
}

export async function removeUser(
  parts: Pick<UserParts, 'store'>,
  who: Principal,
  name: string,
  now: number,
): Promise<UserChange<null>> {
  const refusal = await parts.store.access.removeUser(name);
  if (refusal) return refused(refusal, name);
  await recordAudit(parts.store, who, 'user.delete', `user:${name}`, null, now);
  return { ok: true, value: null };
}

const lastAdmin = async (parts: Pick<UserParts, 'store'>, name: string) =>
  (await parts.store.access.listUsers()).every((user) => user.name === name || user.role !== 'admin');

function refused(why: UserRefusal, name: string): UserChange<never> {
  return why === 'not-found'
    ? { ok: false, status: 404, code: 'not_found', message: `no user "${name}"` }
    : { ok: false, status: 409, code: 'conflict', message: `"${name}" is the last admin` };
}
