/**
 * Raw samples live in two places in both stores (schema 7 / PostgreSQL 3): the recent ones one row each in
 * `samples` / `backend_samples`, where a poll writes them, and older ones packed by maintenance into one row per
 * series per 10-minute block (`sample_blocks` / `backend_sample_blocks`, sample-block-codec.ts). A read takes both
 * and merges them (a row written late over a packed time wins over the packed sample). Pure: what both stores
 * share; the SQL is in sqlite-raw-samples.ts and postgres-raw-samples.ts.
 */
import type { Interval } from '@/lib/health/history-types';
import type { BlockSample } from './sample-block-codec';

export const BLOCK_MS = 10 * 60_000;
export const blockOf = (at: number) => Math.floor(at / BLOCK_MS) * BLOCK_MS;

/** Where one kind of series keeps its raw samples, and its fields in the block's mask order (busiest first). */
export interface RawSeries {
  readonly hot: 'samples' | 'backend_samples';
  readonly blocks: 'sample_blocks' | 'backend_sample_blocks';
  readonly id: 'server_id' | 'backend_id';
  readonly fields: readonly string[];
}

export const SERVER_RAW: RawSeries = {
  hot: 'samples',
  blocks: 'sample_blocks',
  id: 'server_id',
  fields: [
    'check_duration_ms',
    'sessions',
    'rate',
    'bytes_in_rate',
    'bytes_out_rate',
    'response_ms',
    'total_ms',
    'stot',
    'http_5xx_rate',
    'queue',
    'status',
    'transition',
    'downtime',
    'chkfail',
    'chkdown',
    'connection_errors_rate',
    'response_errors_rate',
  ],
};

export const BACKEND_RAW: RawSeries = {
  hot: 'backend_samples',
  blocks: 'backend_sample_blocks',
  id: 'backend_id',
  fields: [
    'sessions',
    'rate',
    'bytes_in_rate',
    'bytes_out_rate',
    'response_ms',
    'total_ms',
    'http_5xx_rate',
    'connection_errors_rate',
    'response_errors_rate',
  ],
};

/** The columns a read or a pack takes from the row table. */
export const hotColumns = (series: RawSeries) => `at, ${series.fields.join(', ')}`;

/** One series' raw samples around a range: the one that holds at its start (if asked for and any), those inside. */
export interface RawRead {
  before: BlockSample | undefined;
  inside: BlockSample[];
}

/** Two time-ordered lists as one; where both have a time, `rows` (written later) wins. */
export function mergeSamples(packed: readonly BlockSample[], rows: readonly BlockSample[]): BlockSample[] {
  if (packed.length === 0) return [...rows];
  if (rows.length === 0) return [...packed];
  const merged: BlockSample[] = [];
  let p = 0;
  let r = 0;
  while (p < packed.length || r < rows.length) {
    const a = packed[p];
    const b = rows[r];
    if (b === undefined || (a !== undefined && a.at < b.at)) merged.push(packed[p++]!);
    else {
      if (a !== undefined && a.at === b.at) p++;
      merged.push(rows[r++]!);
    }
  }
  return merged;
}

/** The samples of `candidates` (time-ordered) inside the range, and the last one before it. */
export function splitAt(candidates: readonly BlockSample[], range: Interval): RawRead {
  let before: BlockSample | undefined;
  const inside: BlockSample[] = [];
  for (const sample of candidates) {
    if (sample.at < range.from) before = sample;
    else if (sample.at < range.to) inside.push(sample);
  }
  return { before, inside };
}

/**
 * Whether the last row-table sample before a time is the last sample of all: it is no older than the end of the
 * latest block that starts before that time (no block: nothing packed there).
 */
export const rowHoldsBefore = (row: BlockSample | undefined, latestBlock: number | null): boolean =>
  latestBlock === null || (row !== undefined && row.at >= latestBlock + BLOCK_MS);

/** A series' row-table samples (time-ordered) grouped by the block each falls in. */
export function byBlock(rows: readonly BlockSample[]): Map<number, BlockSample[]> {
  const blocks = new Map<number, BlockSample[]>();
  for (const row of rows) {
    const block = blockOf(row.at);
    const list = blocks.get(block);
    if (list) list.push(row);
    else blocks.set(block, [row]);
  }
  return blocks;
}

/** A row read for many series at once, tagged with its series' id. */
export type Tagged<T> = T & { series: number };

/** Each list's items by their series, in the order given. */
export function grouped<T extends { series: number }>(list: readonly T[]): Map<number, T[]> {
  const by = new Map<number, T[]>();
  for (const item of list) {
    const group = by.get(item.series);
    if (group) group.push(item);
    else by.set(item.series, [item]);
  }
  return by;
}
