import 'server-only';
import type { DatabaseUrl } from '@/lib/config/database-url';
import { PostgresStore, type PostgresStoreOptions } from './postgres-store';
import type { Retention } from './retention-policy';
import { SqliteStore, type SqliteStoreOptions } from './sqlite-store';
import type { Store } from './store';

export interface StoreOptions extends SqliteStoreOptions, PostgresStoreOptions {
  /** DATABASE_URL: the store on PostgreSQL; absent or null, the SQLite file under `dataDir`. */
  database?: DatabaseUrl | null;
}

/**
 * The process's store, not opened yet (that happens on first use): PostgreSQL when DATABASE_URL names one, else
 * the SQLite file under `dataDir` (or in memory for ':memory:').
 */
export function openStore(
  dataDir: string,
  retention: Retention,
  clock: () => number = Date.now,
  options: StoreOptions = {},
): Store {
  const { database, ...rest } = options;
  if (database) return new PostgresStore(database, retention, clock, rest);
  return new SqliteStore(dataDir, retention, clock, rest);
}
