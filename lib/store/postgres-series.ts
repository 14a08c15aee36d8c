/**
 * One server's or backend's series over a range from PostgreSQL, at a resolution fitted to it, as history-query.ts
 * reads SQLite: raw samples (with the one before the range, which holds at its start: postgres-raw-samples.ts), or
 * rollup runs given one row per bucket (postgres-packed-runs.ts); rollups lag behind now, so the tail comes from the next finer level.
 */
import type { Interval } from '@/lib/health/history-types';
import type { Resolution } from '@/lib/health/time-range';
import type { BackendRollupDbRow, BackendSampleDbRow } from './backend-rollup';
import { toBackendRollupSample, toBackendSample, toServerRollupSample, toServerSample } from './history-rows';
import type { BackendHistorySample, HistorySample } from './history-types';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';
import type { PgDb } from './postgres-connection';
import { readBucketsMany } from './postgres-packed-runs';
import { readRawMany } from './postgres-raw-samples';
import { readMeta } from './postgres-meta';
import { HOUR_MS, MINUTE_MS, ROLLUP_TABLES } from './rollup-table';
import { BACKEND_RAW, SERVER_RAW, type RawSeries } from './raw-samples';
import type { SampleDbRow, ServerRollupDbRow } from './server-rollup';

/** Each series' rows, by id (every id asked for has a list, maybe empty). */
type BySeries<T> = Map<number, T[]>;

interface SeriesReaders<T> {
  /** afterRollup: rollups already cover what comes before, so no earlier sample holds at the start. */
  raw: (range: Interval, afterRollup: boolean) => Promise<BySeries<T>>;
  rollup: (level: 'minute' | 'hour', range: Interval) => Promise<BySeries<T>>;
}

async function rolledUntil(db: PgDb, key: string): Promise<number> {
  return Number((await readMeta(db, key)) ?? 0);
}

/** Each series' coarser part, then its finer part. */
function joined<T>(first: BySeries<T>, then: BySeries<T>): BySeries<T> {
  return new Map([...first].map(([id, list]) => [id, [...list, ...then.get(id)!]]));
}

async function readAtResolution<T>(
  db: PgDb,
  range: Interval,
  resolution: Resolution,
  read: SeriesReaders<T>,
): Promise<BySeries<T>> {
  if (resolution === 'raw') return read.raw(range, false);
  if (resolution === 'minute') {
    const minutesRolled = (await rolledUntil(db, META_MINUTES_ROLLED)) * MINUTE_MS;
    const split = Math.max(range.from, Math.min(range.to, minutesRolled));
    return joined(
      await read.rollup('minute', { from: range.from, to: split }),
      await read.raw({ from: split, to: range.to }, split > range.from),
    );
  }
  const hoursRolled = (await rolledUntil(db, META_HOURS_ROLLED)) * HOUR_MS;
  const split = Math.max(range.from, Math.min(range.to, hoursRolled));
  return joined(
    await read.rollup('hour', { from: range.from, to: split }),
    await read.rollup('minute', { from: split, to: range.to }),
  );
}

/** Each series' raw rows in range, preceded by the one before it (moved to its start) unless rollups cover that. */
async function rawRows<D extends { at: number }>(
  db: PgDb,
  series: RawSeries,
  ids: readonly number[],
  range: Interval,
  afterRollup: boolean,
): Promise<BySeries<D>> {
  const read = await readRawMany(db, series, ids, range, !afterRollup);
  return new Map(
    [...read].map(([id, { before, inside }]) => [
      id,
      (before ? [{ ...before, at: range.from }, ...inside] : inside) as unknown as D[],
    ]),
  );
}

const mapped = <A, B>(found: BySeries<A>, to: (a: A) => B): BySeries<B> =>
  new Map([...found].map(([id, list]) => [id, list.map(to)]));

/** The samples of each of these servers (a statement per level for all of them). */
export function serverSamples(
  db: PgDb,
  serverIds: readonly number[],
  range: Interval,
  resolution: Resolution,
): Promise<BySeries<HistorySample>> {
  return readAtResolution(db, range, resolution, {
    raw: async (part, afterRollup) =>
      mapped(await rawRows<SampleDbRow>(db, SERVER_RAW, serverIds, part, afterRollup), toServerSample),
    rollup: async (level, part) => {
      const table = level === 'minute' ? ROLLUP_TABLES.serverMinutes : ROLLUP_TABLES.serverHours;
      const buckets = await readBucketsMany<ServerRollupDbRow>(db, table, serverIds, part);
      return mapped(buckets, (bucket) => toServerRollupSample(bucket, table.bucketMs));
    },
  });
}

export async function backendSamples(
  db: PgDb,
  backendId: number,
  range: Interval,
  resolution: Resolution,
): Promise<BackendHistorySample[]> {
  const found = await readAtResolution(db, range, resolution, {
    raw: async (part, afterRollup) =>
      mapped(
        await rawRows<BackendSampleDbRow>(db, BACKEND_RAW, [backendId], part, afterRollup),
        toBackendSample,
      ),
    rollup: async (level, part) => {
      const table = level === 'minute' ? ROLLUP_TABLES.backendMinutes : ROLLUP_TABLES.backendHours;
      const buckets = await readBucketsMany<BackendRollupDbRow>(db, table, [backendId], part);
      return mapped(buckets, (bucket) => toBackendRollupSample(bucket, table.bucketMs));
    },
  });
  return found.get(backendId)!;
}
