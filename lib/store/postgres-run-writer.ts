/**
 * Rollup runs (rollup-table.ts, lib/history/rollup-runs.ts) written to PostgreSQL a batch of series at a time:
 * what the window held is replaced, a run reaching into it from before is cut at its start and may grow again —
 * as runWriter does one series at a time in SQLite — in five statements per batch, whatever its size.
 */
import type { Interval } from '@/lib/health/history-types';
import { toRuns, type Run } from '@/lib/history/rollup-runs';
import { rows, type PgDb } from './postgres-connection';
import { insertMany, unnestOf, type Column } from './postgres-unnest';
import type { RollupCodec, RollupTable, StoredRun } from './rollup-table';

/** One series' window: its id and its bucket rows (sorted; none: the window is cleared). */
export interface SeriesWindow<R> {
  id: number;
  rows: readonly R[];
}

/** A run to insert, its figures in the codec's column order. */
type RunRow = { id: number; bucket: number; span: number; figures: (number | null)[] };

/** Writes the window (`window` in buckets) of every series in `batch`. */
export async function writeRuns<R extends { start: number }, D extends StoredRun>(
  db: PgDb,
  table: RollupTable,
  codec: RollupCodec<R, D>,
  window: Interval,
  batch: readonly SeriesWindow<R>[],
): Promise<void> {
  if (batch.length === 0) return;
  const { name, id: idColumn } = table;
  const ids = batch.map((series) => series.id);
  await db.query(`DELETE FROM ${name} WHERE ${idColumn} = ANY($1::int[]) AND bucket >= $2 AND bucket < $3`, [
    ids,
    window.from,
    window.to,
  ]);
  const before = await rows<D & { series: number }>(
    db,
    `SELECT d.id AS series, r.* FROM unnest($1::int[]) AS d(id) CROSS JOIN LATERAL (
       SELECT * FROM ${name} WHERE ${idColumn} = d.id AND bucket < $2 ORDER BY bucket DESC LIMIT 1
     ) r`,
    [ids, window.from],
  );
  const stored = new Map(before.map((row) => [row.series, row]));
  const rules = { bucketMs: table.bucketMs, limit: table.limit, changed: codec.changed };
  const spans: { id: number; bucket: number; span: number }[] = [];
  const inserts: RunRow[] = [];
  for (const series of batch) {
    const last = stored.get(series.id);
    const open: Run<R> | null =
      last && last.bucket + last.span >= window.from
        ? { bucket: last.bucket, span: window.from - last.bucket, row: codec.fromDb(last, table.bucketMs) }
        : null;
    for (const run of toRuns(series.rows, rules, open)) {
      if (run.bucket !== open?.bucket)
        inserts.push({ id: series.id, bucket: run.bucket, span: run.span, figures: codec.values(run.row) });
      else if (run.span !== last!.span) spans.push({ id: series.id, bucket: run.bucket, span: run.span });
    }
  }
  await setSpans(db, table, spans);
  // Figures go as doubles; integer columns take them by assignment.
  const columns: Column<RunRow>[] = [
    { name: idColumn, type: 'int', value: (r) => r.id },
    { name: 'bucket', type: 'int', value: (r) => r.bucket },
    { name: 'span', type: 'smallint', value: (r) => r.span },
    ...codec.columns.split(',').map((column, index) => ({
      name: column.trim(),
      type: 'float8',
      value: (r: RunRow) => r.figures[index],
    })),
  ];
  await insertMany(db, name, columns, inserts, '', false);
}

async function setSpans(
  db: PgDb,
  table: RollupTable,
  spans: readonly { id: number; bucket: number; span: number }[],
): Promise<void> {
  if (spans.length === 0) return;
  const { from, values } = unnestOf<(typeof spans)[number]>(
    [
      { name: 'id', type: 'int', value: (s) => s.id },
      { name: 'bucket', type: 'int', value: (s) => s.bucket },
      { name: 'span', type: 'smallint', value: (s) => s.span },
    ],
    spans,
  );
  await db.query(
    `UPDATE ${table.name} t SET span = u.span FROM ${from} WHERE t.${table.id} = u.id AND t.bucket = u.bucket`,
    values,
  );
}
