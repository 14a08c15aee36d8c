// The store contract (store-contract.ts) on the PostgreSQL store: one throwaway PostgreSQL 15 for this file
// (postgres-fixture.ts), a fresh database per store; an outage is the server stopped, and started again.
import { afterAll, beforeAll, describe } from 'vitest';
import { parseDatabaseUrl } from '@/lib/config/database-url';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { openStore } from './open-store';
import { POSTGRES, startPostgres, type PostgresServer } from './postgres-fixture';
import { DEFAULT_RETENTION } from './retention-policy';
import type { Store } from './store';
import { defineStoreContract, type StoreOptions } from './store-contract';

let server: PostgresServer;
beforeAll(async () => {
  if (POSTGRES.available || process.env.CI) server = await startPostgres();
}, 30_000);
afterAll(async () => {
  await server?.remove();
});

const urls = new WeakMap<Store, string>();
const open = (url: string, options: StoreOptions = {}) => {
  const store = openStore('unused', options.retention ?? DEFAULT_RETENTION, options.clock, {
    database: parseDatabaseUrl(url),
    maintain: false,
  });
  urls.set(store, url);
  return store;
};

// CI installs PostgreSQL (.ci/ensure-system-packages.sh): there a missing one fails instead of skipping.
describe.skipIf(!POSTGRES.available && !process.env.CI)(
  POSTGRES.available ? 'PostgreSQL 15' : POSTGRES.reason,
  () => {
    defineStoreContract('PostgreSQL', {
      fresh: async (options) => open(await server.createDatabase(), options),
      reopen: async (store, options) => {
        await store.close();
        return open(urls.get(store)!, options);
      },
      outage: async () => {
        await server.stop();
        return () => server.start();
      },
      recorder: (recording, pollMs) => new HistoryRecorder(recording, pollMs),
    });
  },
);
