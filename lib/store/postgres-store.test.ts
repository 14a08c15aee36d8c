// The PostgreSQL store's own behaviour, on a real PostgreSQL 15 (postgres-fixture.ts): it connects on first use
// only, and raw samples live in day partitions that maintenance makes ahead and retention drops whole.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { parseDatabaseUrl } from '@/lib/config/database-url';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { isStoreError } from '@/lib/problems/store-fault';
import { openStore } from './open-store';
import { POSTGRES, startPostgres, type PostgresServer } from './postgres-fixture';
import { listPartitions } from './postgres-partitions';
import { DEFAULT_RETENTION } from './retention-policy';

const DAY = 86_400_000;
const D0 = Date.parse('2025-06-01T00:00:00Z');

let server: PostgresServer;
beforeAll(async () => {
  if (POSTGRES.available || process.env.CI) server = await startPostgres();
}, 30_000);
afterAll(async () => {
  await server?.remove();
});

async function query<T>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const open = (url: string) =>
  openStore('unused', DEFAULT_RETENTION, Date.now, { database: parseDatabaseUrl(url), maintain: false });

describe.skipIf(!POSTGRES.available && !process.env.CI)(
  POSTGRES.available ? 'PostgreSQL 15' : POSTGRES.reason,
  () => {
    test('nothing connects until the first use; then the schema is there', async () => {
      const url = await server.createDatabase();
      const database = new URL(url).pathname.slice(1);
      const store = open(url);
      const sessions = () =>
        query<{ n: number }>(
          server.url(),
          'SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [database],
        );
      expect(await sessions()).toEqual([{ n: 0 }]);
      expect(await store.history.recorded()).toBe(false);
      expect((await sessions())[0]!.n).toBeGreaterThan(0);
      expect(await query(url, 'SELECT version FROM schema_version')).toEqual([{ version: 3 }]);
      await store.close();
    });

    test('a server that is not there: a StoreError naming it, no crash; the store is usable once it is', async () => {
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
      const logs = vi.spyOn(console, 'log').mockImplementation(() => {});
      try {
        const url = await server.createDatabase();
        await server.stop();
        const store = open(url);
        const error: unknown = await store.meta.readMeta('k').catch((e: unknown) => e);
        expect(isStoreError(error) && error.fault.kind).toBe('unreachable');
        expect(store.faults.status().fault?.parts).toEqual(['open', 'reads']);
        await server.start();
        expect(await store.meta.readMeta('k')).toBeNull();
        expect(store.faults.healthy).toBe(true);
        await store.close();
      } finally {
        errors.mockRestore();
        logs.mockRestore();
      }
    });

    test('samples go to their day; maintenance makes days ahead; retention drops whole days', async () => {
      const url = await server.createDatabase();
      const store = open(url);
      const recorder = new HistoryRecorder(store.recording, 2000);
      // Polls at the end of day 0 and the start of day 1 (a minute before and after midnight).
      for (const at of [D0 + DAY - 60_000, D0 + DAY - 58_000, D0 + DAY + 60_000]) {
        const servers = [
          syntheticServer('a', { sessions: { current: at % 7, max: 9, limit: null, total: 0 } }),
        ];
        await recorder.record({
          instance: 'eu',
          at,
          ok: true,
          backends: [syntheticBackend('eu', 'web', servers)],
          info: null,
        });
      }
      const days = (table: string) => partitionsOf(url, table);
      expect(await days('samples')).toEqual(['samples_20250601', 'samples_20250602']);
      const perDay = await query<{ day: string; n: number }>(
        url,
        `SELECT tableoid::regclass::text AS day, COUNT(*)::int AS n FROM samples GROUP BY 1 ORDER BY 1`,
      );
      expect(perDay).toEqual([
        { day: 'samples_20250601', n: 2 },
        { day: 'samples_20250602', n: 1 },
      ]);

      // At noon on day 3: days 3, 4 and 5 are made ahead; raw samples kept 30 h → the cut falls in day 2.
      await store.maintenance.runNow(D0 + 2 * DAY + 12 * 3_600_000, { ...DEFAULT_RETENTION, rawHours: 30 });
      expect(await days('samples')).toEqual([
        'samples_20250602',
        'samples_20250603',
        'samples_20250604',
        'samples_20250605',
      ]);
      expect(await days('backend_samples')).toEqual([
        'backend_samples_20250602',
        'backend_samples_20250603',
        'backend_samples_20250604',
        'backend_samples_20250605',
      ]);
      // Day 2's one sample is kept, packed into its 10-minute block (raw-samples.ts): no row is left.
      expect(await days('sample_blocks')).toEqual([
        'sample_blocks_20250602',
        'sample_blocks_20250603',
        'sample_blocks_20250604',
        'sample_blocks_20250605',
      ]);
      expect(await query(url, 'SELECT COUNT(*)::int AS n FROM samples')).toEqual([{ n: 0 }]);
      expect(await query(url, 'SELECT block::float8 AS block FROM sample_blocks')).toEqual([
        { block: D0 + DAY },
      ]);

      // A sample written late, into a day already dropped, makes that day again.
      await new HistoryRecorder(store.recording, 2000).record({
        instance: 'eu',
        at: D0 + 1000,
        ok: true,
        backends: [syntheticBackend('eu', 'late', [syntheticServer('b')])],
        info: null,
      });
      expect((await days('samples'))[0]).toBe('samples_20250601');
      expect(await query(url, 'SELECT COUNT(*)::int AS n FROM samples_20250601')).toEqual([{ n: 1 }]);
      await store.close();
    });
  },
);

async function partitionsOf(url: string, table: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await listPartitions(client, table)).map((p) => p.name);
  } finally {
    await client.end();
  }
}
