// Raw samples packed into blocks (raw-samples.ts), on both stores: a database of the schema before (SQLite 6,
// PostgreSQL's one before) with raw sample rows migrates, reads back the same before and after maintenance packs its rows,
// and a row written late into a packed block is merged into it; a day's rollup runs are packed once it is over.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDatabaseUrl } from '@/lib/config/database-url';
import { historyDbPath } from './db';
import { MIGRATIONS } from './migrations';
import { openStore } from './open-store';
import { POSTGRES, startPostgres, type PostgresServer } from './postgres-fixture';
import { POSTGRES_MIGRATIONS } from './postgres-migrations';
import { DEFAULT_RETENTION } from './retention-policy';
import type { Store } from './store';

const MINUTE = 60_000;
const T0 = Date.parse('2025-06-01T10:00:00Z'); // a block's start
const NOW = T0 + 24 * MINUTE; // minutes rolled to 22: blocks 10:00 and 10:10 packed, 10:20 open
const SERVER = { instance: 'eu', backend: 'web', server: 'a' };
const BACKEND = { instance: 'eu', backend: 'web' };

const SAMPLE_COLUMNS = `server_id, at, status, transition, check_duration_ms, sessions, queue, rate, stot, chkfail,
  chkdown, downtime, http_5xx_rate, connection_errors_rate, response_errors_rate, response_ms, total_ms, bytes_in_rate,
  bytes_out_rate`;
const BACKEND_COLUMNS = `backend_id, at, sessions, rate, http_5xx_rate, connection_errors_rate, response_errors_rate,
  response_ms, total_ms, bytes_in_rate, bytes_out_rate`;
/** Rows as an older hapscope wrote them: UP (status 0, transition 0), traffic with decimals, a null, a zero. */
const SAMPLES = [
  [1, T0, 0, 0, 42, 3, 0, 1, 10, 0, 0, 0, 0.0333, 0, null, 87, 120, 2048, 0.1],
  [1, T0 + 30_000, 0, 0, 43, 5, 0, 1, 12, 0, 0, 0, 0.0333, 0, null, 87, 120, 2048, 0.1],
  [1, T0 + 11 * MINUTE, 0, 0, 43, 0, 0, 0, 12, 0, 0, 0, 0, 0, null, null, 120, 0, 0.1],
  [1, T0 + 21 * MINUTE, 0, 0, 43, 7, 0, 2, 19, 0, 0, 0, 0, 0, null, null, 120, 0, 0.1],
];
const BACKEND_SAMPLES = [
  [1, T0, 3, 1, 0.5, 0, 0, 20, 40, 4096, 81_920],
  [1, T0 + 12 * MINUTE, 4, 1, 0.5, 0, 0, 21, 40, 4096, 81_920],
];
const values = (rows: (number | null)[][]) =>
  rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : String(v))).join(', ')})`).join(', ');
const OLD_ROWS = `
  INSERT INTO instances (id, name) VALUES (1, 'eu');
  INSERT INTO servers (id, instance_id, backend, name, first_seen_at, first_status, first_transition, last_status,
    last_transition) VALUES (1, 1, 'web', 'a', ${T0}, 0, 0, 0, 0);
  INSERT INTO backends (id, instance_id, name, first_seen_at) VALUES (1, 1, 'web', ${T0});
  INSERT INTO coverage (id, instance_id, from_ms, to_ms) VALUES (1, 1, ${T0}, ${T0 + 22 * MINUTE});
  INSERT INTO samples (${SAMPLE_COLUMNS}) VALUES ${values(SAMPLES)};
  INSERT INTO backend_samples (${BACKEND_COLUMNS}) VALUES ${values(BACKEND_SAMPLES)};
`;

const traffic = (http5xxRate: number, responseMs: number | null, bytesInRate: number) => ({
  http5xxRate,
  connectionErrorsRate: 0,
  responseErrorsRate: null,
  responseMs,
  totalMs: 120,
  bytesInRate,
  bytesOutRate: 0.1,
});
const up = { status: 'UP', transition: null };
const second = {
  ...up,
  checkDurationMs: 43,
  sessions: 5,
  queue: 0,
  sessionRate: 1,
  ...traffic(0.0333, 87, 2048),
};
const third = { ...up, checkDurationMs: 43, sessions: 0, queue: 0, sessionRate: 0, ...traffic(0, null, 0) };
const fourth = { ...up, checkDurationMs: 43, sessions: 7, queue: 0, sessionRate: 2, ...traffic(0, null, 0) };
const backendTraffic = { http5xxRate: 0.5, connectionErrorsRate: 0, responseErrorsRate: 0, totalMs: 40 };

/** What a user reads: raw samples, the one before each range moved to its start. */
async function reads(store: Store) {
  const samples = async (from: number, to: number) =>
    (await store.history.serverHistory(SERVER, { from, to }))!.samples;
  const backend = (await store.history.backendHistory(BACKEND, { from: T0 + MINUTE, to: T0 + 22 * MINUTE }))!;
  return {
    // Before the range: the second sample, in the first block.
    server: await samples(T0 + MINUTE, T0 + 22 * MINUTE),
    // From inside the second block, before its first sample: the one before is in the block before.
    edge: await samples(T0 + 10.5 * MINUTE, T0 + 11.5 * MINUTE),
    resolution: backend.resolution,
    backend: backend.samples,
  };
}

const EXPECTED = {
  server: [
    { at: T0 + MINUTE, ...second },
    { at: T0 + 11 * MINUTE, ...third },
    { at: T0 + 21 * MINUTE, ...fourth },
  ],
  edge: [
    { at: T0 + 10.5 * MINUTE, ...second },
    { at: T0 + 11 * MINUTE, ...third },
  ],
  resolution: 'raw',
  backend: [
    { at: T0 + MINUTE, sessions: 3, sessionRate: 1, responseMs: 20, bytesInRate: 4096, bytesOutRate: 81_920 },
    {
      at: T0 + 12 * MINUTE,
      sessions: 4,
      sessionRate: 1,
      responseMs: 21,
      bytesInRate: 4096,
      bytesOutRate: 81_920,
    },
  ].map((sample) => ({ ...sample, ...backendTraffic })),
};

interface OldDatabase {
  store: Store;
  count(table: string): Promise<number>;
  exec(sql: string): Promise<void>;
}

function scenario(name: string, old: () => Promise<OldDatabase>) {
  test(`${name}: old rows read the same before and after they are packed; a late row merges into its block`, async () => {
    const { store, count, exec } = await old();
    expect(await reads(store)).toEqual(EXPECTED);
    expect(await count('samples')).toBe(4);

    await store.maintenance.runNow(NOW, DEFAULT_RETENTION);
    expect(await count('sample_blocks')).toBe(2);
    expect(await count('backend_sample_blocks')).toBe(2);
    expect(await count('samples')).toBe(1); // 10:21, in the open block
    expect(await count('backend_samples')).toBe(0);
    expect(await reads(store)).toEqual(EXPECTED);

    // A poll written late (as the recorder writes polls held while the store failed), into the packed 10:00 block.
    const late = [1, T0 + 5 * MINUTE, 0, 0, 43, 9, 0, 1, 12, 0, 0, 0, 0.0333, 0, null, 87, 120, 2048, 0.1];
    await exec(`INSERT INTO samples (${SAMPLE_COLUMNS}) VALUES ${values([late])}`);
    const around = { from: T0 + 4 * MINUTE, to: T0 + 6 * MINUTE };
    const lateRead = [
      { at: T0 + 4 * MINUTE, ...second },
      { at: T0 + 5 * MINUTE, ...second, sessions: 9 },
    ];
    expect((await store.history.serverHistory(SERVER, around))!.samples).toEqual(lateRead);
    await store.maintenance.runNow(NOW, DEFAULT_RETENTION);
    expect(await count('samples')).toBe(1);
    expect(await count('sample_blocks')).toBe(2);
    expect((await store.history.serverHistory(SERVER, around))!.samples).toEqual(lateRead);
    // It is inside the first range, and now the sample before the second.
    const [first, ...rest] = EXPECTED.server;
    expect(await reads(store)).toEqual({
      ...EXPECTED,
      server: [first, lateRead[1], ...rest],
      edge: [{ at: T0 + 10.5 * MINUTE, ...second, sessions: 9 }, EXPECTED.edge[1]],
    });

    // 01:05 the next day, hours rolled past the day's end: its minute and hour runs leave their tables for one
    // packed row per series and level (packed-runs.ts).
    await store.maintenance.runNow(Date.parse('2025-06-02T01:05:00Z'), DEFAULT_RETENTION);
    for (const table of ['rollup_minute', 'rollup_hour', 'backend_rollup_minute', 'backend_rollup_hour']) {
      expect(await count(table), table).toBe(0);
      expect(await count(`${table}_blocks`), table).toBe(1);
    }
    await store.close();
  });
}

scenario('SQLite schema 6', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-packed-'));
  const file = historyDbPath(dir);
  const db = new Database(file);
  for (const sql of MIGRATIONS.slice(0, 6)) db.exec(sql);
  db.pragma('user_version = 6');
  db.exec(OLD_ROWS);
  db.close();
  const store = openStore(dir, DEFAULT_RETENTION, () => NOW, { maintain: false });
  const other = () => new Database(file);
  return {
    store,
    count: async (table) => {
      const reader = other();
      try {
        return (reader.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        reader.close();
      }
    },
    exec: async (sql) => {
      const writer = other();
      writer.exec(sql);
      writer.close();
    },
  };
});

let server: PostgresServer;
beforeAll(async () => {
  if (POSTGRES.available || process.env.CI) server = await startPostgres();
}, 30_000);
afterAll(async () => {
  await server?.remove();
});

describe.skipIf(!POSTGRES.available && !process.env.CI)(
  POSTGRES.available ? 'PostgreSQL 15' : POSTGRES.reason,
  () => {
    const run = async (url: string, sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<{ n: number }>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    scenario('PostgreSQL, the schema before packed samples', async () => {
      const url = await server.createDatabase();
      const before = POSTGRES_MIGRATIONS.length - 1;
      const day = `FOR VALUES FROM (${Date.parse('2025-06-01T00:00:00Z')}) TO (${Date.parse('2025-06-02T00:00:00Z')})`;
      await run(
        url,
        `CREATE TABLE schema_version (version INTEGER NOT NULL);
         INSERT INTO schema_version (version) VALUES (${before});
         ${POSTGRES_MIGRATIONS.slice(0, before).join(';\n')};
         CREATE TABLE samples_20250601 PARTITION OF samples ${day};
         CREATE TABLE backend_samples_20250601 PARTITION OF backend_samples ${day};
         ${OLD_ROWS}`,
      );
      const store = openStore('unused', DEFAULT_RETENTION, () => NOW, {
        database: parseDatabaseUrl(url),
        maintain: false,
      });
      return {
        store,
        count: async (table) => {
          return (await run(url, `SELECT COUNT(*)::int AS n FROM ${table}`))[0]!.n;
        },
        exec: async (sql) => void (await run(url, sql)),
      };
    });
  },
);
