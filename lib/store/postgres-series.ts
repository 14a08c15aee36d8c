/**
 * One server's or backend's series over a range from PostgreSQL, at a resolution fitted to it, as history-query.ts
 * reads SQLite: raw samples (with the one before the range, which holds at its start), or rollup runs given one
 * row per bucket; rollups lag behind now, so the tail comes from the next finer level.
 */
import type { Interval } from '@/lib/health/history-types';
import type { Resolution } from '@/lib/health/time-range';
import { BACKEND_SAMPLE_COLUMNS, type BackendRollupDbRow, type BackendSampleDbRow } from './backend-rollup';
import { toBackendRollupSample, toBackendSample, toServerRollupSample, toServerSample } from './history-rows';
import type { BackendHistorySample, HistorySample } from './history-types';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';
import { rows, type PgDb } from './postgres-connection';
import { readMeta } from './postgres-meta';
import {
  bucketRange,
  expandRuns,
  HOUR_MS,
  MINUTE_MS,
  ROLLUP_TABLES,
  type RollupTable,
  type StoredRun,
} from './rollup-table';
import { SAMPLE_COLUMNS, type SampleDbRow, type ServerRollupDbRow } from './server-rollup';

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

const bySeries = <T>(ids: readonly number[]): BySeries<T> => new Map(ids.map((id) => [id, []]));

/** Each series' raw rows in range, preceded by the one before it (moved to its start) unless rollups cover that. */
async function rawRows<D extends { at: number }>(
  db: PgDb,
  source: { table: string; id: string; columns: string },
  ids: readonly number[],
  range: Interval,
  afterRollup: boolean,
): Promise<BySeries<D>> {
  const found = bySeries<D>(ids);
  if (range.to <= range.from) return found;
  const { table, id: idColumn, columns } = source;
  if (!afterRollup) {
    const before = await rows<D & { series: number }>(
      db,
      `SELECT d.id AS series, b.* FROM unnest($1::int[]) AS d(id) CROSS JOIN LATERAL (
         SELECT ${columns} FROM ${table} WHERE ${idColumn} = d.id AND at < $2 ORDER BY at DESC LIMIT 1
       ) b`,
      [ids, range.from],
    );
    for (const sample of before) found.get(sample.series)!.push({ ...sample, at: range.from });
  }
  const inside = await rows<D & { series: number }>(
    db,
    `SELECT ${idColumn} AS series, ${columns} FROM ${table}
     WHERE ${idColumn} = ANY($1::int[]) AND at >= $2 AND at < $3 ORDER BY ${idColumn}, at`,
    [ids, range.from, range.to],
  );
  for (const sample of inside) found.get(sample.series)!.push(sample);
  return found;
}

/** Each series' rollup rows over `range`, one per bucket (rollup-table.ts readBuckets). */
async function readBuckets<D extends StoredRun>(
  db: PgDb,
  table: RollupTable,
  ids: readonly number[],
  range: Interval,
): Promise<BySeries<D>> {
  const found = bySeries<D>(ids);
  if (range.to <= range.from) return found;
  const { first, end } = bucketRange(table, range);
  const stored = await rows<D & { series: number }>(
    db,
    `SELECT ${table.id} AS series, * FROM ${table.name}
     WHERE ${table.id} = ANY($1::int[]) AND bucket >= $2 AND bucket < $3 ORDER BY ${table.id}, bucket`,
    [ids, first - (table.limit - 1), end],
  );
  for (const run of stored) found.get(run.series)!.push(run);
  for (const [id, runs] of found) found.set(id, expandRuns(runs, first, end));
  return found;
}

const SERVER_SAMPLES = { table: 'samples', id: 'server_id', columns: SAMPLE_COLUMNS };
const BACKEND_SAMPLES = { table: 'backend_samples', id: 'backend_id', columns: BACKEND_SAMPLE_COLUMNS };

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
      mapped(await rawRows<SampleDbRow>(db, SERVER_SAMPLES, serverIds, part, afterRollup), toServerSample),
    rollup: async (level, part) => {
      const table = level === 'minute' ? ROLLUP_TABLES.serverMinutes : ROLLUP_TABLES.serverHours;
      const buckets = await readBuckets<ServerRollupDbRow>(db, table, serverIds, part);
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
        await rawRows<BackendSampleDbRow>(db, BACKEND_SAMPLES, [backendId], part, afterRollup),
        toBackendSample,
      ),
    rollup: async (level, part) => {
      const table = level === 'minute' ? ROLLUP_TABLES.backendMinutes : ROLLUP_TABLES.backendHours;
      const buckets = await readBuckets<BackendRollupDbRow>(db, table, [backendId], part);
      return mapped(buckets, (bucket) => toBackendRollupSample(bucket, table.bucketMs));
    },
  });
  return found.get(backendId)!;
}
