/**
 * The store on SQLite and on PostgreSQL, side by side (issue 14): one poll of 20,000 servers recorded (the
 * "redrawn" churn of history-bench.ts; the median of several polls after the first, which creates every row), and
 * the size per 1,000 servers at steady state (history-bench.ts's day, "steady" churn) on both: PostgreSQL's tables
 * measured live (after VACUUM FULL: the dead rows of rewritten rollup runs are space autovacuum lets it reuse, not
 * growth), its database "after the day" as written; "before" is the code before raw samples and rollup days were
 * packed (lib/store/raw-samples.ts, packed-runs.ts). PostgreSQL is a
 * throwaway server from Debian's packages (lib/store/postgres-fixture.ts) with its durability settings as shipped;
 * hapscope commits polls without waiting for the disk on both stores. Bar: PostgreSQL ingest within 2 × SQLite's.
 * Run: npx tsx --conditions=react-server e2e/bench/store-bench.ts [ingest|size]
 */
import path from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl } from '@/lib/config/database-url';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { DEFAULT_RETENTION, openStore } from '@/lib/store';
import { POSTGRES, startPostgres, type PostgresServer } from '@/lib/store/postgres-fixture';
import {
  churn,
  BEFORE_PACKING,
  LABELS,
  measureSize,
  POLL_MS,
  random,
  tempStore,
  topology,
  type BenchStore,
  type Figure,
} from './history-bench';
import { fmt, median, printTable } from './measure';

const SERVERS = 20_000;
const POLLS = 10;

/**
 * Measured with this bench on the code of cb1968d, before raw samples and rollup days were packed (one row per
 * sample and per run): sizes as LABELS lists them, ingest the median of the polls.
 */
const BEFORE: Record<'SQLite' | 'PostgreSQL', Record<Figure, number> & { ingestMs: number }> = {
  // history-bench.ts measured the same day on SQLite.
  SQLite: { ...BEFORE_PACKING.steady, ingestMs: 46.0 },
  PostgreSQL: {
    raw: 1094.1,
    minutes: 34.1,
    hours: 2.8,
    transitions: 1.8,
    backendRaw: 82.4,
    backendMinutes: 2.7,
    backendHours: 0.2,
    total: 1218.1,
    steady: 5212.9,
    file: 260.9,
    ingestMs: 66.6,
  },
};

/** A PostgreSQL store on a fresh database of `server`. */
async function postgresStore(server: PostgresServer): Promise<BenchStore> {
  const url = await server.createDatabase();
  const store = openStore('unused', DEFAULT_RETENTION, Date.now, {
    database: parseDatabaseUrl(url),
    maintain: false,
  });
  await store.recording.openForWrites();
  return {
    store,
    bytes: async () => {
      const bytes = await store.maintenance.tableBytes();
      return [...bytes.values()].reduce((a, b) => a + b, 0);
    },
    settle: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query('VACUUM FULL').finally(() => client.end());
    },
    dispose: () => store.close(),
  };
}

/** One poll of `servers` recorded: the first (every row created) and the median of the next `polls`, in ms. */
async function ingest(open: () => Promise<BenchStore>, servers = SERVERS, polls = POLLS) {
  const temp = await open();
  const recorder = new HistoryRecorder(temp.store.recording, POLL_MS);
  const backends = topology(servers);
  const next = random(servers);
  const start = Date.now() - polls * POLL_MS - 60_000;
  let t = performance.now();
  await recorder.record({ instance: 'bench', at: start, ok: true, backends, info: null });
  const firstMs = performance.now() - t;
  const times: number[] = [];
  for (let i = 1; i <= polls; i++) {
    churn(backends, next);
    t = performance.now();
    await recorder.record({ instance: 'bench', at: start + i * POLL_MS, ok: true, backends, info: null });
    times.push(performance.now() - t);
  }
  await temp.dispose();
  return { firstMs, medianMs: median(times), maxMs: Math.max(...times) };
}

export async function runStoreBench(parts: readonly string[] = ['ingest', 'size']): Promise<void> {
  if (!POSTGRES.available) throw new Error(POSTGRES.reason);
  // As shipped: the fixture's test settings (no fsync) would flatter PostgreSQL.
  const server = await startPostgres({ fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on' });
  try {
    if (parts.includes('ingest')) {
      const sqlite = await ingest(tempStore);
      const postgres = await ingest(() => postgresStore(server));
      printTable(
        `Store ingest: one poll of ${SERVERS.toLocaleString('en')} servers, ms (bar: PostgreSQL ≤ 2 × SQLite)`,
        [
          {
            what: `first poll (creates ${SERVERS} servers)`,
            SQLite: fmt(sqlite.firstMs),
            PostgreSQL: fmt(postgres.firstMs),
          },
          {
            what: `median of ${POLLS} polls`,
            SQLite: fmt(sqlite.medianMs),
            PostgreSQL: fmt(postgres.medianMs),
          },
          {
            what: `median, before packing (cb1968d)`,
            SQLite: fmt(BEFORE.SQLite.ingestMs),
            PostgreSQL: fmt(BEFORE.PostgreSQL.ingestMs),
          },
          { what: 'slowest poll', SQLite: fmt(sqlite.maxMs), PostgreSQL: fmt(postgres.maxMs) },
          {
            what: 'PostgreSQL / SQLite (median)',
            SQLite: '1',
            PostgreSQL: fmt(postgres.medianMs / sqlite.medianMs, 2),
          },
        ],
      );
    }
    if (parts.includes('size')) {
      const sqlite = await measureSize('steady');
      const postgres = await measureSize('steady', () => postgresStore(server));
      printTable(
        'Store size, steady churn (history-bench.ts), MB per 1,000 servers (bar: ≤ 1,200 at steady state)',
        (Object.keys(LABELS) as Figure[]).map((key) => ({
          what: key === 'file' ? 'database after the day, as written, 200 servers (MB)' : LABELS[key],
          'SQLite before': fmt(BEFORE.SQLite[key]),
          SQLite: fmt(sqlite[key]),
          'PostgreSQL before': fmt(BEFORE.PostgreSQL[key]),
          PostgreSQL: fmt(postgres[key]),
        })),
      );
    }
  } finally {
    await server.remove();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const parts = process.argv.slice(2);
  runStoreBench(parts.length ? parts : undefined).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
