/** Opens (creating when needed) the history database: WAL, synchronous=NORMAL, migrations applied. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type HistoryDb = Database.Database;

export const DB_FILE_NAME = 'hapscope.db';

export function historyDbPath(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}

export interface OpenOptions {
  /** How long a write waits for another process's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

export function openHistoryDb(file: string, { busyTimeoutMs = 5000 }: OpenOptions = {}): HistoryDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a power cut may lose the last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.round(busyTimeoutMs)}`);
    db.pragma('cache_size = -32000');
    migrate(db);
    return db;
  } catch (error) {
    db.close(); // a file that is not a database must not stay open (it is moved aside next)
    throw error;
  }
}

export function migrate(db: HistoryDb): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  // Each migration rewrote the schema's pages: into the file with them, rather than a WAL that holds every copy.
  if (current < MIGRATIONS.length) db.pragma('wal_checkpoint(TRUNCATE)');
}

export function readMeta(db: HistoryDb, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: HistoryDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
