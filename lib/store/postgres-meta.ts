/** The PostgreSQL store's `meta` table: small settings kept with the data (meta-keys.ts). */
import { row, type PgDb } from './postgres-connection';

export async function readMeta(db: PgDb, key: string): Promise<string | null> {
  return (await row<{ value: string }>(db, 'SELECT value FROM meta WHERE key = $1', [key]))?.value ?? null;
}

export async function writeMeta(db: PgDb, key: string, value: string): Promise<void> {
  await db.query(
    'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [key, value],
  );
}

/** The key's value, set to `value` first when it has none. */
export async function ensureMeta(db: PgDb, key: string, value: string): Promise<string> {
  await db.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
  return (await readMeta(db, key))!;
}
