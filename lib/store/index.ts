import 'server-only';
import type { Interval } from '@/lib/health/history-types';
import type { ServerRef } from '@/lib/health/server-key';
import type { Retention } from './retention';
import { findBackend, queryBackendHistory, type BackendHistory } from './backend-history-query';
import { historyDbPath, readMeta, type HistoryDb, type OpenOptions } from './db';
import { queryEvents, type EventFilter, type HistoryEvent } from './events-query';
import { queryServerHistory, type ServerHistory } from './history-query';
import { startMaintenance } from './maintenance';
import { META_GENERATED_UNTIL } from './meta-keys';
import { findMovedAside, openOrMoveAside } from './move-aside';
import { queryPoolCheckDurations, type PoolCheckDurations } from './pool-latency-query';
import { attachFaults } from './store-call';
import { StoreFaults } from './store-faults';
import { findServer } from './timelines';
import { queryUptime, type UptimeFilter, type UptimeReport } from './uptime-query';

export type { HistoryDb } from './db';
export type { StoreFaults, StoreStatus } from './store-faults';
export type { BackendHistory, BackendHistorySample } from './backend-history-query';
export type { EventFilter, HistoryEvent } from './events-query';
export type { PoolCheckDurations } from './pool-latency-query';
export type { HistorySample, ServerHistory } from './history-query';
export type { ServerDimension } from './timelines';
export type { UptimeFilter, UptimeReport, ServerUptime, BackendUptime, PoolUptime } from './uptime-query';

export type { ServerRef } from '@/lib/health/server-key';

export interface StoreOptions extends OpenOptions {
  /** After SQLITE_BUSY, how long writes nobody waits for pause (LOCK_RETRY_MS). */
  lockRetryMs?: number;
}

/**
 * The history database of one process: opened (created, migrated) on first use — never at import, so `next build`
 * needs none — with rollup and pruning running from then on. Built once by the composition root. A file that will
 * not open is tried again on the next use; one that is not a database is moved aside (move-aside.ts). Every
 * failure lands in `faults` (health, the banner, /metrics, the log) and is thrown as a StoreError.
 */
export class HistoryStore {
  private handle: HistoryDb | null = null;
  /** The connection must be replaced (it was opened read-only, or its file went bad): done on next use. */
  private stale = false;
  private stopMaintenance: (() => void) | null = null;
  readonly faults: StoreFaults;

  constructor(
    private readonly dataDir: string,
    readonly retention: Retention,
    private readonly clock: () => number = Date.now,
    private readonly options: StoreOptions = {},
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

  /** The database file, for messages that tell an operator which file to look at. */
  get file(): string {
    return historyDbPath(this.dataDir);
  }

  /** The open connection; throws StoreError (reported as the `open` part's) while the file cannot be opened. */
  db(): HistoryDb {
    if (this.handle && this.stale && !this.handle.inTransaction) this.close();
    return (this.handle ??= this.open());
  }

  close(): void {
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
    attachFaults(db, this.faults);
    for (const earlier of findMovedAside(this.file)) this.faults.movedAside(earlier);
    if (movedAside) this.faults.movedAside(movedAside.moved, movedAside.fault);
    this.faults.succeeded('open');
    this.stopMaintenance = startMaintenance(() => this.db(), this.retention, this.faults);
    return db;
  }

  /** A read of the history: its failure is reported (`reads`) and thrown as StoreError. */
  private read<T>(run: (db: HistoryDb) => T): T {
    try {
      const result = run(this.db());
      this.faults.succeeded('reads');
      return result;
    } catch (error) {
      throw this.faults.failed('reads', error) ?? error;
    }
  }

  /** null when the server was never recorded (the route answers 404). */
  serverHistory(ref: ServerRef, range: Interval, buckets?: number): ServerHistory | null {
    return this.read((db) => {
      const server = findServer(db, ref.instance, ref.backend, ref.server);
      if (!server) return null;
      return queryServerHistory(db, server, range, { now: this.clock(), retention: this.retention, buckets });
    });
  }

  /** The backend's own series; null when the backend was never recorded (the route answers 404). */
  backendHistory(ref: { instance: string; backend: string }, range: Interval): BackendHistory | null {
    return this.read((db) => {
      const backend = findBackend(db, ref.instance, ref.backend);
      if (!backend) return null;
      return queryBackendHistory(db, backend, range, { now: this.clock(), retention: this.retention });
    });
  }

  uptime(range: Interval, buckets?: number, filter?: UptimeFilter): UptimeReport {
    return this.read((db) => queryUptime(db, range, { buckets, filter }));
  }

  events(range: Interval, limit: number, filter?: EventFilter): HistoryEvent[] {
    return this.read((db) => queryEvents(db, range, limit, filter));
  }

  /** null when no recorded server was ever placed in the pool. */
  poolCheckDurations(pool: string, range: Interval): PoolCheckDurations | null {
    return this.read((db) =>
      queryPoolCheckDurations(db, pool, range, { now: this.clock(), retention: this.retention }),
    );
  }

  /** History before this time (epoch ms) was generated by the demo seed, not recorded; null when none was. */
  generatedUntil(): number | null {
    const value = this.read((db) => readMeta(db, META_GENERATED_UNTIL));
    return value === null ? null : Number(value);
  }
}
