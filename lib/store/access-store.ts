/**
 * Access in the store: users, sessions, API tokens, share links and the audit log (schema 5). Secrets are never
 * stored, only their SHA-256 (lib/access/server/secrets.ts); rows are found by their public id.
 */
import type Database from 'better-sqlite3';
import type { Role } from '@/lib/access/roles';
import type {
  ApiTokenRow,
  AuditRow,
  RevocableTable,
  SessionRow,
  ShareLinkRow,
  UserRefusal,
  UserRow,
} from './access-rows';
import type { HistoryDb } from './db';
import { bestEffort, guarded } from './store-call';

/**
 * The statements every request runs (a session, token or share link looked up by id), prepared once per database:
 * preparing costs more than the lookup itself.
 */
const prepared = new WeakMap<HistoryDb, Map<string, Database.Statement>>();
function statement(db: HistoryDb, sql: string): Database.Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

// Users
export const listUsers = guarded(
  'reads',
  (db: HistoryDb) => db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[],
);
export const countUsers = guarded(
  'reads',
  (db: HistoryDb) => (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n,
);
export const getUser = guarded(
  'reads',
  (db: HistoryDb, name: string) =>
    db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined,
);

export const insertUser = guarded(
  'access',
  function insertUser(db: HistoryDb, row: Omit<UserRow, 'last_sign_in_at'>): boolean {
    return (
      db
        .prepare(
          `INSERT INTO users (name, role, password_hash, created_at, created_by)
         VALUES (@name, @role, @password_hash, @created_at, @created_by) ON CONFLICT (name) DO NOTHING`,
        )
        .run(row).changes > 0
    );
  },
);

export const updateUser = guarded(
  'access',
  function updateUser(db: HistoryDb, name: string, change: { role?: Role; password_hash?: string }): boolean {
    const row = getUser(db, name);
    if (!row) return false;
    db.prepare('UPDATE users SET role = ?, password_hash = ? WHERE name = ?').run(
      change.role ?? row.role,
      change.password_hash ?? row.password_hash,
      name,
    );
    return true;
  },
);

export const deleteUser = guarded(
  'access',
  (db: HistoryDb, name: string) => db.prepare('DELETE FROM users WHERE name = ?').run(name).changes > 0,
);

export const markSignIn = guarded('access', (db: HistoryDb, name: string, at: number) =>
  db.prepare('UPDATE users SET last_sign_in_at = ? WHERE name = ?').run(at, name),
);

// Sessions
export const insertSession = guarded('access', (db: HistoryDb, row: SessionRow) =>
  db
    .prepare(
      `INSERT INTO sessions (id, secret_hash, user_name, role, via, created_at, last_seen_at, expires_at)
       VALUES (@id, @secret_hash, @user_name, @role, @via, @created_at, @last_seen_at, @expires_at)`,
    )
    .run(row),
);
export const getSession = guarded(
  'reads',
  (db: HistoryDb, id: string) =>
    statement(db, 'SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined,
);
export const touchSession = bestEffort('access', (db: HistoryDb, id: string, at: number) =>
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(at, id),
);
export const deleteSession = guarded('access', (db: HistoryDb, id: string) =>
  db.prepare('DELETE FROM sessions WHERE id = ?').run(id),
);
/** A user removed or given another role signs in again. */
export const deleteUserSessions = guarded(
  'access',
  (db: HistoryDb, name: string) => db.prepare('DELETE FROM sessions WHERE user_name = ?').run(name).changes,
);
export const pruneSessions = guarded(
  'access',
  (db: HistoryDb, now: number, idleMs: number) =>
    db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - idleMs)
      .changes,
);

// API tokens and share links: the same life (created, used, revoked), two tables.
export const listApiTokens = guarded(
  'reads',
  (db: HistoryDb) => db.prepare('SELECT * FROM api_tokens ORDER BY created_at DESC').all() as ApiTokenRow[],
);
export const getApiToken = guarded(
  'reads',
  (db: HistoryDb, id: string) =>
    statement(db, 'SELECT * FROM api_tokens WHERE id = ?').get(id) as ApiTokenRow | undefined,
);
export const insertApiToken = guarded(
  'access',
  (db: HistoryDb, row: Omit<ApiTokenRow, 'revoked_at' | 'revoked_by' | 'last_used_at'>) =>
    db
      .prepare(
        `INSERT INTO api_tokens (id, secret_hash, name, role, created_at, created_by, expires_at)
       VALUES (@id, @secret_hash, @name, @role, @created_at, @created_by, @expires_at)`,
      )
      .run(row),
);

export const listShareLinks = guarded(
  'reads',
  (db: HistoryDb) => db.prepare('SELECT * FROM share_links ORDER BY created_at DESC').all() as ShareLinkRow[],
);
export const getShareLink = guarded(
  'reads',
  (db: HistoryDb, id: string) =>
    statement(db, 'SELECT * FROM share_links WHERE id = ?').get(id) as ShareLinkRow | undefined,
);
export const insertShareLink = guarded(
  'access',
  (db: HistoryDb, row: Omit<ShareLinkRow, 'revoked_at' | 'revoked_by' | 'last_used_at'>) =>
    db
      .prepare(
        `INSERT INTO share_links (id, secret_hash, panel, target, label, created_at, created_by, expires_at)
       VALUES (@id, @secret_hash, @panel, @target, @label, @created_at, @created_by, @expires_at)`,
      )
      .run(row),
);

/** Revokes an unrevoked row; false when there is none. */
export const revoke = guarded(
  'access',
  (db: HistoryDb, table: RevocableTable, id: string, by: string, at: number) =>
    db
      .prepare(`UPDATE ${table} SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL`)
      .run(at, by, id).changes > 0,
);

export const markUsed = bestEffort('access', (db: HistoryDb, table: RevocableTable, id: string, at: number) =>
  db.prepare(`UPDATE ${table} SET last_used_at = ? WHERE id = ?`).run(at, id),
);

// Audit
export const appendAudit = guarded('access', (db: HistoryDb, row: Omit<AuditRow, 'seq'>) =>
  db
    .prepare(
      'INSERT INTO audit_log (at, actor, action, target, detail) VALUES (@at, @actor, @action, @target, @detail)',
    )
    .run(row),
);

export const listAudit = guarded(
  'reads',
  function listAudit(
    db: HistoryDb,
    options: { limit: number; target?: string; before?: number },
  ): AuditRow[] {
    const where = [
      options.target !== undefined ? 'target = @target' : null,
      options.before ? 'seq < @before' : null,
    ]
      .filter(Boolean)
      .join(' AND ');
    const params = {
      limit: options.limit,
      ...(options.target !== undefined && { target: options.target }),
      ...(options.before && { before: options.before }),
    };
    return db
      .prepare(`SELECT * FROM audit_log ${where ? `WHERE ${where}` : ''} ORDER BY seq DESC LIMIT @limit`)
      .all(params) as AuditRow[];
  },
);

const isLastAdmin = (db: HistoryDb, name: string) =>
  listUsers(db).every((user) => user.name === name || user.role !== 'admin');

/** A new role or password, and the end of the user's sessions, at once; refused when no admin would be left. */
export const changeUser = guarded(
  'access',
  function changeUser(
    db: HistoryDb,
    name: string,
    change: { role?: Role; password_hash?: string },
  ): UserRow | UserRefusal {
    return db.transaction((): UserRow | UserRefusal => {
      const row = getUser(db, name);
      if (!row) return 'not-found';
      if (change.role && change.role !== 'admin' && row.role === 'admin' && isLastAdmin(db, name))
        return 'last-admin';
      updateUser(db, name, change);
      deleteUserSessions(db, name);
      return getUser(db, name)!;
    })();
  },
);

/** Deletes a user and ends their sessions, at once; refused when no admin would be left. */
export const removeUser = guarded(
  'access',
  function removeUser(db: HistoryDb, name: string): UserRefusal | null {
    return db.transaction((): UserRefusal | null => {
      const row = getUser(db, name);
      if (!row) return 'not-found';
      if (row.role === 'admin' && isLastAdmin(db, name)) return 'last-admin';
      deleteUser(db, name);
      deleteUserSessions(db, name);
      return null;
    })();
  },
);
