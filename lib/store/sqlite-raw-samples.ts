/**
 * Raw samples in SQLite (raw-samples.ts): a series' samples read from its rows and its packed blocks; maintenance
 * packing rows of whole blocks that minutes have been rolled past; retention.
 */
import type { Interval } from '@/lib/health/history-types';
import type { HistoryDb } from './db';
import { dimensionBatches } from './dimensions';
import { decodeBlock, encodeBlock, type BlockSample } from './sample-block-codec';
import {
  BACKEND_RAW,
  BLOCK_MS,
  blockOf,
  byBlock,
  hotColumns,
  mergeSamples,
  rowHoldsBefore,
  SERVER_RAW,
  splitAt,
  type RawRead,
  type RawSeries,
} from './raw-samples';

export type RawReader = (id: number, range: Interval, withBefore: boolean) => RawRead;

const readers = new WeakMap<HistoryDb, Map<RawSeries, RawReader>>();

/** Reads one series at a time, its statements prepared once per database (rollups read every series each minute). */
export function rawReader(db: HistoryDb, series: RawSeries): RawReader {
  let byDb = readers.get(db);
  if (!byDb) readers.set(db, (byDb = new Map()));
  let reader = byDb.get(series);
  if (!reader) byDb.set(series, (reader = prepareReader(db, series)));
  return reader;
}

function prepareReader(db: HistoryDb, series: RawSeries): RawReader {
  const { hot, blocks, id, fields } = series;
  const columns = hotColumns(series);
  const s = {
    rowBefore: db.prepare(
      `SELECT ${columns} FROM ${hot} WHERE ${id} = ? AND at < ? ORDER BY at DESC LIMIT 1`,
    ),
    rowsIn: db.prepare(`SELECT ${columns} FROM ${hot} WHERE ${id} = ? AND at >= ? AND at < ? ORDER BY at`),
    latestBlock: db
      .prepare(`SELECT block FROM ${blocks} WHERE ${id} = ? AND block < ? ORDER BY block DESC LIMIT 1`)
      .pluck(),
    blocksBefore: db
      .prepare(`SELECT data FROM ${blocks} WHERE ${id} = ? AND block < ? ORDER BY block DESC LIMIT 2`)
      .pluck(),
    blocksIn: db
      .prepare(`SELECT data FROM ${blocks} WHERE ${id} = ? AND block >= ? AND block < ? ORDER BY block`)
      .pluck(),
  };
  const unpack = (data: Buffer[]) => data.flatMap((bytes) => decodeBlock(bytes, fields));
  return (series, range, withBefore) => {
    if (range.to <= range.from) return { before: undefined, inside: [] };
    const rows = s.rowsIn.all(series, range.from, range.to) as BlockSample[];
    const packed = unpack(s.blocksIn.all(series, blockOf(range.from), range.to) as Buffer[]);
    const { inside } = splitAt(mergeSamples(packed, rows), range);
    if (!withBefore) return { before: undefined, inside };
    const row = s.rowBefore.get(series, range.from) as BlockSample | undefined;
    const latest = (s.latestBlock.get(series, range.from) as number | undefined) ?? null;
    if (rowHoldsBefore(row, latest)) return { before: row, inside };
    const older = unpack((s.blocksBefore.all(series, range.from) as Buffer[]).reverse());
    return { before: splitAt(mergeSamples(older, row ? [row] : []), range).before, inside };
  };
}

/** The raw samples of one series in a range, the one before it moved to its start unless `afterRollup`. */
export function readRaw<T>(reader: RawReader, id: number, range: Interval, afterRollup: boolean): T[] {
  const { before, inside } = reader(id, range, !afterRollup);
  const rows = before ? [{ ...before, at: range.from }, ...inside] : inside;
  return rows as unknown as T[];
}

/**
 * Rows older than `cut` (a block's start) are packed into their blocks, merged into a block already there (a poll
 * written late), and deleted, a batch of series per transaction.
 */
export function* packSamples(db: HistoryDb, cut: number): Generator<void> {
  for (const [dimensions, series] of [
    ['servers', SERVER_RAW],
    ['backends', BACKEND_RAW],
  ] as const) {
    const { hot, blocks, id, fields } = series;
    const old = db.prepare(`SELECT ${hotColumns(series)} FROM ${hot} WHERE ${id} = ? AND at < ? ORDER BY at`);
    const stored = db.prepare(`SELECT data FROM ${blocks} WHERE ${id} = ? AND block = ?`).pluck();
    const put = db.prepare(`INSERT OR REPLACE INTO ${blocks} (${id}, block, data) VALUES (?, ?, ?)`);
    const remove = db.prepare(`DELETE FROM ${hot} WHERE ${id} = ? AND at < ?`);
    for (const batch of dimensionBatches(db, dimensions)) {
      db.transaction(() => {
        for (const { id: series } of batch) {
          const rows = old.all(series, cut) as BlockSample[];
          if (rows.length === 0) continue;
          for (const [block, samples] of byBlock(rows)) {
            const there = stored.get(series, block) as Buffer | undefined;
            const all = there ? mergeSamples(decodeBlock(there, fields), samples) : samples;
            put.run(series, block, encodeBlock(all, fields));
          }
          remove.run(series, cut);
        }
      })();
      yield;
    }
  }
}

/** Retention of one series' raw samples: rows before `cut`, and blocks that end by it (a block goes whole). */
export function rawPruner(db: HistoryDb, series: RawSeries): (id: number, cut: number) => void {
  const rows = db.prepare(`DELETE FROM ${series.hot} WHERE ${series.id} = ? AND at < ?`);
  const blocks = db.prepare(`DELETE FROM ${series.blocks} WHERE ${series.id} = ? AND block <= ?`);
  return (id, cut) => {
    rows.run(id, cut);
    blocks.run(id, cut - BLOCK_MS);
  };
}
