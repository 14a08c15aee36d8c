/**
 * Access on the PostgreSQL store: users, sessions, API tokens, share links and the audit log, as access-store.ts
 * keeps them in SQLite. A change that must not interleave with another (a user's removal or demotion, which must
 * leave an admin) is one transaction that locks the users first.
 */
import type { Role } from '@/lib/access/roles';
import { isStoreError } from '@/lib/problems/store-fault';
import type {
  ApiTokenRow,
  AuditRow,
  RevocableTable,
  SessionRow,
  ShareLinkRow,
  UserRefusal,
  UserRow,
} from './access-rows';
import { row, rows, type PgDb, type PostgresConnection } from './postgres-connection';
import type { AccessStore } from './store';

const TABLES: Record<RevocableTable, string> = { api_tokens: 'api_tokens', share_links: 'share_links' };

/** Rows come back with a non-null `secret_hash` Buffer (BYTEA) and numbers for BIGINT columns, as in SQLite. */
export function postgresAccess(connection: PostgresConnection): AccessStore {
  const read = <T>(work: (db: PgDb) => Promise<T>) => connection.run('reads', work);
  const write = <T>(work: (db: PgDb) => Promise<T>) => connection.run('access', work);
  /** A write nobody waits for: reported, never thrown (a failing store signs nobody out). */
  const bestEffort = async (work: (db: PgDb) => Promise<unknown>) => {
    if (connection.faults.lockHeld()) return;
    await write(work).catch((error: unknown) => {
      if (!isStoreError(error)) throw error;
    });
  };
  return {
    listUsers: () => read((db) => rows<UserRow>(db, 'SELECT * FROM users ORDER BY name')),
    countUsers: () =>
      read(async (db) => (await row<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM users'))!.n),
    getUser: (name) => read((db) => row<UserRow>(db, 'SELECT * FROM users WHERE name = $1', [name])),
    insertUser: (user) =>
      write(async (db) => {
        const { rowCount } = await db.query(
          `INSERT INTO users (name, role, password_hash, created_at, created_by) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (name) DO NOTHING`,
          [user.name, user.role, user.password_hash, user.created_at, user.created_by],
        );
        return rowCount === 1;
      }),
    changeUser: (name, change) => connection.transaction('access', (db) => changeUser(db, name, change)),
    removeUser: (name) => connection.transaction('access', (db) => removeUser(db, name)),
    markSignIn: (name, at) =>
      write(
        async (db) =>
          void (await db.query('UPDATE users SET last_sign_in_at = $1 WHERE name = $2', [at, name])),
      ),

    insertSession: (s) =>
      write(async (db) => {
        await db.query(
          `INSERT INTO sessions (id, secret_hash, user_name, role, via, created_at, last_seen_at, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [s.id, s.secret_hash, s.user_name, s.role, s.via, s.created_at, s.last_seen_at, s.expires_at],
        );
      }),
    getSession: (id) => read((db) => row<SessionRow>(db, 'SELECT * FROM sessions WHERE id = $1', [id])),
    touchSession: (id, at) =>
      bestEffort((db) => db.query('UPDATE sessions SET last_seen_at = $1 WHERE id = $2', [at, id])),
    deleteSession: (id) =>
      write(async (db) => void (await db.query('DELETE FROM sessions WHERE id = $1', [id]))),
    pruneSessions: (now, idleMs) =>
      write(
        async (db) =>
          (
            await db.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [
              now,
              now - idleMs,
            ])
          ).rowCount ?? 0,
      ),

    listApiTokens: () =>
      read((db) => rows<ApiTokenRow>(db, 'SELECT * FROM api_tokens ORDER BY created_at DESC')),
    getApiToken: (id) => read((db) => row<ApiTokenRow>(db, 'SELECT * FROM api_tokens WHERE id = $1', [id])),
    insertApiToken: (t) =>
      write(async (db) => {
        await db.query(
          `INSERT INTO api_tokens (id, secret_hash, name, role, created_at, created_by, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [t.id, t.secret_hash, t.name, t.role, t.created_at, t.created_by, t.expires_at],
        );
      }),
    listShareLinks: () =>
      read((db) => rows<ShareLinkRow>(db, 'SELECT * FROM share_links ORDER BY created_at DESC')),
    getShareLink: (id) =>
      read((db) => row<ShareLinkRow>(db, 'SELECT * FROM share_links WHERE id = $1', [id])),
    insertShareLink: (l) =>
      write(async (db) => {
        await db.query(
          `INSERT INTO share_links (id, secret_hash, panel, target, label, created_at, created_by, expires_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [l.id, l.secret_hash, l.panel, l.target, l.label, l.created_at, l.created_by, l.expires_at],
        );
      }),
    revoke: (table, id, by, at) =>
      write(async (db) => {
        const { rowCount } = await db.query(
          `UPDATE ${TABLES[table]} SET revoked_at = $1, revoked_by = $2 WHERE id = $3 AND revoked_at IS NULL`,
          [at, by, id],
        );
        return rowCount === 1;
      }),
    markUsed: (table, id, at) =>
      bestEffort((db) => db.query(`UPDATE ${TABLES[table]} SET last_used_at = $1 WHERE id = $2`, [at, id])),

    appendAudit: (a) =>
      write(async (db) => {
        await db.query(
          'INSERT INTO audit_log (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)',
          [a.at, a.actor, a.action, a.target, a.detail],
        );
      }),
    listAudit: ({ limit, target, before }) =>
      read((db) => {
        const values: unknown[] = [];
        const where: string[] = [];
        if (target !== undefined) where.push(`target = $${values.push(target)}`);
        if (before) where.push(`seq < $${values.push(before)}`);
        const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY seq DESC LIMIT $${values.push(limit)}`;
        return rows<AuditRow>(db, sql, values);
      }),
  };
}

/** Whether `name` is the only admin; the users are locked first, so two demotions cannot both pass. */
async function isLastAdmin(db: PgDb, name: string): Promise<boolean> {
  const admins = await rows<{ name: string }>(db, "SELECT name FROM users WHERE role = 'admin' FOR UPDATE");
  return admins.every((admin) => admin.name === name);
}

async function changeUser(
  db: PgDb,
  name: string,
  change: { role?: Role; password_hash?: string },
): Promise<UserRow | UserRefusal> {
  const user = await row<UserRow>(db, 'SELECT * FROM users WHERE name = $1 FOR UPDATE', [name]);
  if (!user) return 'not-found';
  if (change.role && change.role !== 'admin' && user.role === 'admin' && (await isLastAdmin(db, name)))
    return 'last-admin';
  const updated = await row<UserRow>(
    db,
    'UPDATE users SET role = $1, password_hash = $2 WHERE name = $3 RETURNING *',
    [change.role ?? user.role, change.password_hash ?? user.password_hash, name],
  );
  await db.query('DELETE FROM sessions WHERE user_name = $1', [name]);
  return updated!;
}

async function removeUser(db: PgDb, name: string): Promise<UserRefusal | null> {
  const user = await row<UserRow>(db, 'SELECT * FROM users WHERE name = $1 FOR UPDATE', [name]);
  if (!user) return 'not-found';
  if (user.role === 'admin' && (await isLastAdmin(db, name))) return 'last-admin';
  await db.query('DELETE FROM users WHERE name = $1', [name]);
  await db.query('DELETE FROM sessions WHERE user_name = $1', [name]);
  return null;
}
