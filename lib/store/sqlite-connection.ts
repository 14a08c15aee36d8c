/** What the SQLite store's parts (sqlite-*.ts) share: the connection, opened on first use, and its faults. */
import type { StorePart } from '@/lib/problems/store-problems';
import type { HistoryDb } from './db';
import type { Retention } from './retention-policy';
import type { StoreFaults } from './store-faults';

export interface SqliteConnection {
  /** The open connection; throws StoreError (reported as the `open` part's) while the file cannot be opened. */
  db(): HistoryDb;
  /** How many times a connection was opened: a new one may be a fresh file. */
  readonly opens: number;
  /** A run on the connection whose failure is reported as `part`'s and thrown as StoreError; a success too. */
  run<T>(part: StorePart, work: (db: HistoryDb) => T): T;
  readonly faults: StoreFaults;
  readonly retention: Retention;
  clock(): number;
}
