/**
 * Rollup runs packed one row per series per UTC day (schema 7 / PostgreSQL 3, issue 14): once hours are rolled an
 * hour past a day's end, maintenance moves that day's runs (minutes and hours, servers' and backends') from their
 * tables into `<table>_blocks`, each run a sample of sample-block-codec.ts (its bucket as the time, its span and
 * figures as fields). Late polls never reach that far back (they wait in memory at most 10 minutes). Retention
 * drops a day whole once all of it is past the edge and records the edge, so a read hides the buckets before it.
 * Pure: what both stores share; the SQL is in rollup-table.ts and postgres-packed-runs.ts.
 */
import { decodeBlock, encodeBlock, type BlockSample } from './sample-block-codec';

const DAY_MS = 86_400_000;

/** A stored run: its first bucket, how many buckets it stands for, and its figures by column. */
export interface PackedRun {
  bucket: number;
  span: number;
}

/** Where a rollup table's packed days go, how many buckets a day holds, and its fields in pack order. */
export interface PackedTable {
  blocks: string;
  perBlock: number;
  fields: readonly string[];
}

export function packedTable(name: string, bucketMs: number, columns: string): PackedTable {
  return {
    blocks: `${name}_blocks`,
    perBlock: DAY_MS / bucketMs,
    fields: ['span', ...columns.split(',').map((column) => column.trim())],
  };
}

export const dayBlockOf = (packed: PackedTable, bucket: number) =>
  Math.floor(bucket / packed.perBlock) * packed.perBlock;

/**
 * The first bucket not packed yet (a day's start), given how far hours are rolled (epoch hours): a day is packed
 * once hours are rolled an hour past its end.
 */
export function packCut(packed: PackedTable, hoursRolled: number): number {
  const days = Math.max(0, Math.floor((hoursRolled - 1) / 24));
  return days * packed.perBlock;
}

export function encodeRuns(
  runs: readonly (PackedRun & Record<string, unknown>)[],
  packed: PackedTable,
): Uint8Array {
  return encodeBlock(
    runs.map((run) => {
      const sample: BlockSample = { at: run.bucket };
      for (const field of packed.fields) sample[field] = (run[field] as number | null) ?? null;
      return sample;
    }),
    packed.fields,
  );
}

export function decodeRuns<D extends PackedRun>(data: Uint8Array, packed: PackedTable): D[] {
  return decodeBlock(data, packed.fields).map(({ at, ...figures }) => ({ ...figures, bucket: at }) as D);
}

/** Stored runs (sorted by bucket) as one row per bucket in [first, end), each with its own `bucket`. */
export function expandRuns<D extends PackedRun>(rows: readonly D[], first: number, end: number): D[] {
  const buckets: D[] = [];
  for (const row of rows) {
    const last = Math.min(row.bucket + row.span, end);
    for (let bucket = Math.max(row.bucket, first); bucket < last; bucket++)
      buckets.push(bucket === row.bucket ? row : { ...row, bucket });
  }
  return buckets;
}

/** One row per bucket of both, rows (written later) over packed ones, none before `keptFrom`. */
export function mergeRuns<D extends PackedRun>(
  packed: readonly D[],
  rows: readonly D[],
  first: number,
  end: number,
  keptFrom: number,
): D[] {
  const from = Math.max(first, keptFrom);
  const fromRows = expandRuns(rows, from, end);
  if (packed.length === 0) return fromRows;
  const byBucket = new Map(expandRuns(packed, from, end).map((row) => [row.bucket, row]));
  for (const row of fromRows) byBucket.set(row.bucket, row);
  return [...byBucket.values()].sort((a, b) => a.bucket - b.bucket);
}

/**
 * A packed day and rows written over it (a late roll) as runs again: one per bucket merged, then buckets in a row
 * with equal figures joined, never across a multiple of `limit` (runs stay within their hour or day).
 */
export function rejoin<D extends PackedRun>(
  packed: readonly D[],
  rows: readonly D[],
  packedTable: PackedTable,
  limit: number,
): D[] {
  const buckets = mergeRuns(packed, rows, -Infinity, Infinity, -Infinity);
  const runs: D[] = [];
  for (const bucket of buckets) {
    const last = runs[runs.length - 1];
    const joins =
      last !== undefined &&
      last.bucket + last.span === bucket.bucket &&
      bucket.bucket % limit !== 0 &&
      packedTable.fields.every(
        (field) =>
          field === 'span' ||
          Object.is((last as Record<string, unknown>)[field], (bucket as Record<string, unknown>)[field]),
      );
    if (joins) runs[runs.length - 1] = { ...last, span: last.span + 1 };
    else runs.push({ ...bucket, span: 1 });
  }
  return runs;
}
