/**
 * A rollup table whose rows are runs (lib/history/rollup-runs.ts): written a window of buckets at a time, read back
 * one row per bucket (sqlite-packed-runs.ts, with the days packed), cut at the retention edge. Rows written before schema 6 stand for one bucket each (span 1).
 */
import type { Interval } from '@/lib/health/history-types';
import { toRuns, type Run, type RunRules } from '@/lib/history/rollup-runs';
import type Database from 'better-sqlite3';
import type { HistoryDb } from './db';
export { expandRuns } from './packed-runs';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** A minute is rolled up this long after it ends, when its polls have landed. */
export const ROLLUP_LAG_MS = 2 * MINUTE_MS;
/** Rollups run a window at a time: an hour of minutes, a day of hours. */
export const MINUTES_PER_WINDOW = 60;
export const HOURS_PER_WINDOW = 24;

export interface RollupTable {
  name: 'rollup_minute' | 'rollup_hour' | 'backend_rollup_minute' | 'backend_rollup_hour';
  id: 'server_id' | 'backend_id';
  bucketMs: number;
  /** No run crosses a multiple of this many buckets, so no run is longer. */
  limit: number;
}

/** Minute runs stay within their hour (hours are rolled from whole runs), hour runs within their day. */
export const ROLLUP_TABLES = {
  serverMinutes: { name: 'rollup_minute', id: 'server_id', bucketMs: MINUTE_MS, limit: 60 },
  serverHours: { name: 'rollup_hour', id: 'server_id', bucketMs: HOUR_MS, limit: 24 },
  backendMinutes: { name: 'backend_rollup_minute', id: 'backend_id', bucketMs: MINUTE_MS, limit: 60 },
  backendHours: { name: 'backend_rollup_hour', id: 'backend_id', bucketMs: HOUR_MS, limit: 24 },
} as const satisfies Record<string, RollupTable>;

/** What every stored rollup row has: its first bucket and how many buckets it stands for. */
export interface StoredRun {
  bucket: number;
  span: number;
}

/** How a table's rows (D, as read) map to and from the domain's rows (R), and when a bucket starts a new run. */
export interface RollupCodec<R, D extends StoredRun> {
  /** The figures' columns, in values() order (after id, bucket and span). */
  columns: string;
  values: (row: R) => (number | null)[];
  fromDb: (row: D, bucketMs: number) => R;
  changed: RunRules<R>['changed'];
}

/**
 * Returns a writer of one series' window (`window` in buckets; `rows` the window's bucket rows, sorted): what the
 * window held is replaced, a run reaching into it from before is cut at its start and may grow again. Running it
 * twice over a window gives the same rows.
 */
export function runWriter<R extends { start: number }, D extends StoredRun>(
  db: HistoryDb,
  table: RollupTable,
  codec: RollupCodec<R, D>,
): (id: number, window: Interval, rows: readonly R[]) => void {
  const { name, id: idColumn } = table;
  const before = db.prepare(
    `SELECT * FROM ${name} WHERE ${idColumn} = ? AND bucket < ? ORDER BY bucket DESC LIMIT 1`,
  );
  const clear = db.prepare(`DELETE FROM ${name} WHERE ${idColumn} = ? AND bucket >= ? AND bucket < ?`);
  const setSpan = db.prepare(`UPDATE ${name} SET span = ? WHERE ${idColumn} = ? AND bucket = ?`);
  const count = codec.columns.split(',').length + 3;
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ${name} (${idColumn}, bucket, span, ${codec.columns})
     VALUES (${Array.from({ length: count }, () => '?').join(', ')})`,
  );
  const rules = { bucketMs: table.bucketMs, limit: table.limit, changed: codec.changed };
  return (id, window, rows) => {
    clear.run(id, window.from, window.to);
    const stored = before.get(id, window.from) as D | undefined;
    let open: Run<R> | null = null;
    if (stored && stored.bucket + stored.span >= window.from) {
      const row = codec.fromDb(stored, table.bucketMs);
      open = { bucket: stored.bucket, span: window.from - stored.bucket, row };
      if (open.span !== stored.span) setSpan.run(open.span, id, open.bucket);
    }
    for (const run of toRuns(rows, rules, open)) {
      if (run.bucket !== open?.bucket) insert.run(id, run.bucket, run.span, ...codec.values(run.row));
      else if (run.span !== open.span) setSpan.run(run.span, id, run.bucket);
    }
  };
}

/**
 * Returns a roller of one series' hours (`window` in hours): `select` groups its minute runs by hour (bound: id,
 * first minute, end minute) into rows as the hour table stores them, which are then written as runs.
 */
export function hourWriter<R extends { start: number }, D extends StoredRun>(
  db: HistoryDb,
  select: Database.Statement,
  table: RollupTable,
  codec: RollupCodec<R, D>,
): (id: number, window: Interval) => void {
  const write = runWriter(db, table, codec);
  return (id, window) => {
    const hours = select.all(id, window.from * 60, window.to * 60) as D[];
    write(
      id,
      window,
      hours.map((row) => codec.fromDb(row, HOUR_MS)),
    );
  };
}

/** The buckets `range` (epoch ms) touches: [first, end). A run that starts up to limit − 1 before may reach in. */
export function bucketRange(table: RollupTable, range: Interval): { first: number; end: number } {
  return { first: Math.floor(range.from / table.bucketMs), end: Math.ceil(range.to / table.bucketMs) };
}

/**
 * Retention at `cut` (a bucket): runs that end by it go; one that reaches past it is made to start there, so
 * the buckets kept read as they did and those before it are gone, as they would be one row each.
 */
export function runCutter(db: HistoryDb, table: RollupTable): (id: number, cut: number) => void {
  const { name, id: idColumn } = table;
  const drop = db.prepare(
    `DELETE FROM ${name} WHERE ${idColumn} = @id AND bucket < @cut AND bucket + span <= @cut`,
  );
  const trim = db.prepare(
    `UPDATE ${name} SET bucket = @cut, span = bucket + span - @cut
     WHERE ${idColumn} = @id AND bucket < @cut AND bucket + span > @cut`,
  );
  return (id, cut) => {
    drop.run({ id, cut });
    trim.run({ id, cut });
  };
}
