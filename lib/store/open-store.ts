import 'server-only';
import type { Retention } from './retention-policy';
import { SqliteStore, type StoreOptions } from './sqlite-store';
import type { Store } from './store';

export type { StoreOptions } from './sqlite-store';

/**
 * The process's store, not opened yet (that happens on first use): the SQLite file under `dataDir`, or in memory
 * for ':memory:'.
 */
export function openStore(
  dataDir: string,
  retention: Retention,
  clock: () => number = Date.now,
  options: StoreOptions = {},
): Store {
  return new SqliteStore(dataDir, retention, clock, options);
}
