/**
 * Store functions handed only a connection (alert-store, access-store) report to the store that
 * opened it: its faults ride on the connection. Each call's failure is reported and thrown as a StoreError.
 */
import { isStoreError } from '@/lib/problems/store-fault';
import type { StorePart } from '@/lib/problems/store-problems';
import type { HistoryDb } from './db';
import { toStoreError } from './store-error';
import type { StoreFaults } from './store-faults';

// A registered symbol: route bundles load their own copy of this module.
const FAULTS = Symbol.for('hapscope.store-faults');
type WithFaults = { [FAULTS]?: StoreFaults };

export function attachFaults(db: HistoryDb, faults: StoreFaults): void {
  (db as unknown as WithFaults)[FAULTS] = faults;
}

export function faultsOf(db: HistoryDb): StoreFaults | undefined {
  return (db as unknown as WithFaults)[FAULTS];
}

/**
 * One store operation of `part`: a failure is reported and thrown as a StoreError naming the file and the fix; a
 * success clears the part, once no transaction is open (a write inside one is only done at COMMIT).
 */
export function storeCall<T>(db: HistoryDb, part: StorePart, run: () => T): T {
  const faults = faultsOf(db);
  try {
    const result = run();
    if (faults && !db.inTransaction) faults.succeeded(part);
    return result;
  } catch (error) {
    throw (faults ? faults.failed(part, error) : toStoreError(error, db.name)) ?? error;
  }
}

/** A store function whose failures are reported as `part`'s, thrown as StoreError. */
export function guarded<A extends unknown[], R>(
  part: StorePart,
  run: (db: HistoryDb, ...args: A) => R,
): (db: HistoryDb, ...args: A) => R {
  return (db, ...args) => storeCall(db, part, () => run(db, ...args));
}

/**
 * A write nobody waits for (when a session or token was last used): a failure is reported, never thrown, so a
 * full disk does not sign anyone out.
 */
export function bestEffort<A extends unknown[]>(
  part: StorePart,
  run: (db: HistoryDb, ...args: A) => unknown,
): (db: HistoryDb, ...args: A) => void {
  return (db, ...args) => {
    if (faultsOf(db)?.lockHeld()) return;
    try {
      storeCall(db, part, () => run(db, ...args));
    } catch (error) {
      if (!isStoreError(error)) throw error;
    }
  };
}
