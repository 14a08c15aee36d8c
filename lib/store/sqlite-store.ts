import 'server-only';
import { localCoordination } from './store-coordination';
import type { Retention } from './retention-policy';
import { historyDbPath, readMeta, writeMeta, type HistoryDb, type OpenOptions } from './db';
import { runMaintenance, startMaintenance } from './maintenance';
import { findMovedAside, openOrMoveAside } from './move-aside';
import { sqliteAccess } from './sqlite-access';
import { sqliteAlerts } from './sqlite-alerts';
import type { SqliteConnection } from './sqlite-connection';
import { sqliteHistory } from './sqlite-history';
import { sqliteRecording } from './sqlite-recording';
import type { MetaStore, Store, StoreMaintenance } from './store';
import { attachFaults, guarded } from './store-call';
import type { StorePart } from '@/lib/problems/store-problems';
import { StoreFaults } from './store-faults';

export interface SqliteStoreOptions extends OpenOptions {
  /** After SQLITE_BUSY, how long writes nobody waits for pause (LOCK_RETRY_MS). */
  lockRetryMs?: number;
  /** false: no rollup and pruning every minute, only maintenance.runNow (benches and tests that set the time). */
  maintain?: boolean;
}

/**
 * The store on one SQLite file: opened (created, migrated) on first use — never at import, so `next build` needs
 * none — with rollup and pruning running from then on. A file that will not open is tried again on the next use;
 * one that is not a database is moved aside (move-aside.ts). Every failure lands in `faults` (health, the banner,
 * /metrics, the log) and is thrown as a StoreError. `dataDir` ':memory:' keeps it in memory (tests, benches).
 */
export class SqliteStore implements Store, SqliteConnection {
  private handle: HistoryDb | null = null;
  /** The connection must be replaced (it was opened read-only, or its file went bad): done on next use. */
  private stale = false;
  private stopMaintenance: (() => void) | null = null;
  private openCount = 0;
  readonly faults: StoreFaults;
  readonly history = sqliteHistory(this);
  readonly recording = sqliteRecording(this);
  readonly alerts = sqliteAlerts(this);
  readonly access = sqliteAccess(this);
  readonly maintenance: StoreMaintenance = {
    runNow: async (now, retention = this.retention) => runMaintenance(this.db(), now, retention),
    tableBytes: async () => {
      const db = this.db();
      db.pragma('wal_checkpoint(TRUNCATE)');
      const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all();
      return new Map((rows as { name: string; bytes: number }[]).map((r) => [r.name, r.bytes]));
    },
  };
  /** The file is this process's: it always leads. */
  readonly coordination = localCoordination;
  readonly meta: MetaStore = {
    readMeta: async (key) => META.read(this.db(), key),
    writeMeta: async (key, value) => META.write(this.db(), key, value),
    ensureMeta: async (key, value) => META.ensure(this.db(), key, value),
  };

  constructor(
    private readonly dataDir: string,
    readonly retention: Retention,
    readonly clock: () => number = Date.now,
    private readonly options: SqliteStoreOptions = {},
  ) {
    this.faults = new StoreFaults(
      this.file,
      clock,
      () => {
        this.stale = true;
      },
      options.lockRetryMs,
    );
  }

  get opens(): number {
    return this.openCount;
  }

  /** The database file, for messages that tell an operator which file to look at. */
  get file(): string {
    return this.dataDir === ':memory:' ? ':memory:' : historyDbPath(this.dataDir);
  }

  /** The open connection; throws StoreError (reported as the `open` part's) while the file cannot be opened. */
  db(): HistoryDb {
    if (this.handle && this.stale && !this.handle.inTransaction) this.closeNow();
    return (this.handle ??= this.open());
  }

  run<T>(part: StorePart, work: (db: HistoryDb) => T): T {
    try {
      const result = work(this.db());
      this.faults.succeeded(part);
      return result;
    } catch (error) {
      throw this.faults.failed(part, error) ?? error;
    }
  }

  async close(): Promise<void> {
    this.closeNow();
  }

  private closeNow(): void {
    this.stopMaintenance?.();
    this.stopMaintenance = null;
    this.handle?.close();
    this.handle = null;
  }

  private open(): HistoryDb {
    let opened;
    try {
      opened = openOrMoveAside(this.file, this.options, this.clock());
    } catch (error) {
      throw this.faults.failed('open', error) ?? error;
    }
    const { db, movedAside } = opened;
    this.stale = false;
    this.openCount++;
    attachFaults(db, this.faults);
    if (this.file !== ':memory:')
      for (const earlier of findMovedAside(this.file)) this.faults.movedAside(earlier);
    if (movedAside) this.faults.movedAside(movedAside.moved, movedAside.fault);
    this.faults.succeeded('open');
    if (this.options.maintain !== false)
      this.stopMaintenance = startMaintenance(() => this.db(), this.retention, this.faults);
    return db;
  }
}

/** The value of `key`, set to `value` first when it has none. */
function ensureMeta(db: HistoryDb, key: string, value: string): string {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING').run(key, value);
  return readMeta(db, key)!;
}

const META = {
  read: guarded('reads', readMeta),
  write: guarded('access', writeMeta),
  ensure: guarded('access', ensureMeta),
};
