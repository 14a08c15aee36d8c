/**
 * The store's contract: one suite of cases written against the Store interface only (store.ts), run over every
 * store (store-contract.sqlite.test.ts, store-contract.postgres.test.ts). A harness says how to get a store on a
 * fresh database, another on the same one (a restart), and how to take its database away and back. Expected
 * values come from each case's own inputs. Cases by part: store-contract-*.ts.
 */
import { afterEach, describe } from 'vitest';
import type { Backend } from '@/lib/health/types';
import { DEFAULT_RETENTION, type Retention } from './retention-policy';
import type { HistoryRecording, Store } from './store';
import { accessContract } from './store-contract-access';
import { alertsContract } from './store-contract-alerts';
import { faultsContract } from './store-contract-faults';
import { historyContract } from './store-contract-history';
import { maintenanceContract } from './store-contract-maintenance';

/** What the recorder takes (lib/history/server/history-recorder.ts), which each test file hands in. */
export interface ContractPoll {
  instance: string;
  at: number;
  ok: boolean;
  backends: readonly Backend[] | null;
  info: null;
}

export interface StoreOptions {
  /** What the store reads as now (the resolution of history reads depends on it). */
  clock?: () => number;
  retention?: Retention;
}

export interface StoreHarness {
  /** A store on a new, empty database, not maintained but by the test's own maintenance.runNow. */
  fresh(options?: StoreOptions): Promise<Store>;
  /** Another store on the same database as `store`, which is closed first (a restart). */
  reopen(store: Store, options?: StoreOptions): Promise<Store>;
  /** The store's database stops answering (PostgreSQL stopped, DATA_DIR gone); the returned function ends it. */
  outage(store: Store): Promise<() => Promise<void>>;
  /** A recorder writing through `recording` (the store's dir may not import it). */
  recorder(recording: HistoryRecording, pollMs: number): { record(poll: ContractPoll): Promise<void> };
}

/** Every store a case opened is closed after it. */
export interface Opened {
  fresh(options?: StoreOptions): Promise<Store>;
  reopen(store: Store, options?: StoreOptions): Promise<Store>;
  harness: StoreHarness;
}

export function defineStoreContract(name: string, harness: StoreHarness): void {
  const open: Store[] = [];
  const opened: Opened = {
    harness,
    fresh: async (options) => remember(await harness.fresh(withDefaults(options))),
    reopen: async (store, options) => remember(await harness.reopen(store, withDefaults(options))),
  };
  const remember = (store: Store) => {
    open.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });
  describe(`store contract: ${name}`, () => {
    describe('meta and access', () => accessContract(opened));
    describe('alerts', () => alertsContract(opened));
    describe('history', () => historyContract(opened));
    describe('rollups and retention', () => maintenanceContract(opened));
    describe('faults', () => faultsContract(opened));
  });
}

const withDefaults = (options: StoreOptions = {}): Required<StoreOptions> => ({
  clock: options.clock ?? Date.now,
  retention: options.retention ?? DEFAULT_RETENTION,
});
