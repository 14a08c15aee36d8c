// The store contract (store-contract.ts) on the SQLite store: a file in a fresh temporary DATA_DIR per store; an
// outage is DATA_DIR replaced by a file while the store is closed (it reopens on next use, and cannot).
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { openStore } from './open-store';
import type { Store } from './store';
import { defineStoreContract, type StoreOptions } from './store-contract';
import { DEFAULT_RETENTION } from './retention-policy';

const root = mkdtempSync(path.join(tmpdir(), 'hapscope-contract-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dirs = new WeakMap<Store, string>();
const open = (dir: string, options: StoreOptions = {}) => {
  const store = openStore(dir, options.retention ?? DEFAULT_RETENTION, options.clock, { maintain: false });
  dirs.set(store, dir);
  return store;
};

defineStoreContract('SQLite', {
  fresh: async (options) => open(mkdtempSync(path.join(root, 'db-')), options),
  reopen: async (store, options) => {
    await store.close();
    return open(dirs.get(store)!, options);
  },
  outage: async (store) => {
    const dir = dirs.get(store)!;
    await store.close();
    renameSync(dir, `${dir}.away`);
    writeFileSync(dir, 'not a directory');
    return async () => {
      unlinkSync(dir);
      renameSync(`${dir}.away`, dir);
    };
  },
  recorder: (recording, pollMs) => new HistoryRecorder(recording, pollMs),
});
