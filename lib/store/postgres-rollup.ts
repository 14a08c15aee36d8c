/**
 * Minute rollups from raw samples on PostgreSQL, for servers and backends, as rollup.ts makes them in SQLite (the
 * same pure bucket math and run rules): a window at a time, a batch of 500 series per transaction and per
 * statement, each window rewritten whole, meta saying how far it is rolled. Hours: postgres-hour-rollup.ts.
 */
import type { Interval } from '@/lib/health/history-types';
import { rollupBackendSamples, rollupSamples } from '@/lib/health/rollup-samples';
import { BACKEND_CODEC, toBackendRollupSample, type BackendSampleDbRow } from './backend-rollup';
import { DIMENSION_BATCH, lifeCoverage, type DimensionRow } from './dimensions';
import { META_MINUTES_ROLLED } from './meta-keys';
import { inTransaction, row, rows, type PgDb } from './postgres-connection';
import { readRawMany } from './postgres-raw-samples';
import { readMeta, writeMeta } from './postgres-meta';
import { writeRuns } from './postgres-run-writer';
import { coverageByInstance } from './postgres-timelines';
import { MINUTE_MS, MINUTES_PER_WINDOW, ROLLUP_LAG_MS, ROLLUP_TABLES } from './rollup-table';
import { BACKEND_RAW, SERVER_RAW, type RawSeries } from './raw-samples';
import { SERVER_CODEC, toRollupSample, type SampleDbRow } from './server-rollup';

/** Servers or backends in batches by id, each with its life (first seen … gone). */
export async function* dimensionBatches(
  db: PgDb,
  table: 'servers' | 'backends',
  size = DIMENSION_BATCH,
): AsyncGenerator<DimensionRow[]> {
  let after = 0;
  for (;;) {
    const batch = await rows<DimensionRow>(
      db,
      `SELECT id, instance_id, first_seen_at, gone_at FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, size],
    );
    if (batch.length === 0) return;
    yield batch;
    after = batch[batch.length - 1]!.id;
  }
}

/** Rolls complete minutes, from where the last run stopped, no further back than `earliest` (epoch ms). */
export async function rollupMinutes(db: PgDb, now: number, earliest: number): Promise<void> {
  const until = Math.floor((now - ROLLUP_LAG_MS) / MINUTE_MS);
  const stored = await readMeta(db, META_MINUTES_ROLLED);
  const first = (await row<{ at: number | null }>(db, 'SELECT MIN(from_ms) AS at FROM coverage'))!.at;
  if (stored === null && first === null) return;
  let start = Math.max(Number(stored ?? Math.floor(first! / MINUTE_MS)), Math.floor(earliest / MINUTE_MS));
  while (start < until) {
    const end = Math.min(until, start + MINUTES_PER_WINDOW);
    const window = { from: start * MINUTE_MS, to: end * MINUTE_MS };
    const coverage = await coverageByInstance(db, window);
    for (const series of MINUTE_SERIES) {
      for await (const batch of dimensionBatches(db, series.dimensions)) {
        const covered = batch.flatMap((dimension) => {
          const intervals = lifeCoverage(coverage.get(dimension.instance_id) ?? [], dimension, window);
          return intervals.length ? [{ id: dimension.id, intervals }] : [];
        });
        await inTransaction(db, () => series.roll(db, window, covered));
      }
    }
    await writeMeta(db, META_MINUTES_ROLLED, String(end));
    start = end;
  }
}

/** Each series' samples in the window (epoch ms), the one before it first; by id. */
async function windowSamples<D extends { at: number }>(
  db: PgDb,
  series: RawSeries,
  ids: readonly number[],
  window: Interval,
): Promise<Map<number, D[]>> {
  const read = await readRawMany(db, series, ids, window, true);
  return new Map(
    [...read].map(([id, { before, inside }]) => [
      id,
      (before ? [before, ...inside] : inside) as unknown as D[],
    ]),
  );
}

type Covered = { id: number; intervals: Interval[] }[];

const MINUTE_SERIES: {
  dimensions: 'servers' | 'backends';
  roll: (db: PgDb, window: Interval, covered: Covered) => Promise<void>;
}[] = [
  {
    dimensions: 'servers',
    async roll(db, window, covered) {
      const samples = await windowSamples<SampleDbRow>(
        db,
        SERVER_RAW,
        covered.map((c) => c.id),
        window,
      );
      const count = (window.to - window.from) / MINUTE_MS;
      const batch = covered.map(({ id, intervals }) => ({
        id,
        rows: rollupSamples(samples.get(id)!.map(toRollupSample), intervals, window.from, MINUTE_MS, count),
      }));
      await writeRuns(db, ROLLUP_TABLES.serverMinutes, SERVER_CODEC, minutesOf(window), batch);
    },
  },
  {
    dimensions: 'backends',
    async roll(db, window, covered) {
      const samples = await windowSamples<BackendSampleDbRow>(
        db,
        BACKEND_RAW,
        covered.map((c) => c.id),
        window,
      );
      const count = (window.to - window.from) / MINUTE_MS;
      const batch = covered.map(({ id, intervals }) => ({
        id,
        rows: rollupBackendSamples(
          samples.get(id)!.map(toBackendRollupSample),
          intervals,
          window.from,
          MINUTE_MS,
          count,
        ),
      }));
      await writeRuns(db, ROLLUP_TABLES.backendMinutes, BACKEND_CODEC, minutesOf(window), batch);
    },
  },
];

const minutesOf = (window: Interval) => ({ from: window.from / MINUTE_MS, to: window.to / MINUTE_MS });
