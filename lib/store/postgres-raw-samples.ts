/**
 * Raw samples in PostgreSQL (raw-samples.ts), as sqlite-raw-samples.ts keeps them in SQLite: many series read at
 * once from their rows and packed blocks, and maintenance packing a batch of 500 series per statement. Blocks are
 * partitioned by day like the rows (postgres-partitions.ts), so retention drops both whole.
 */
import type { Interval } from '@/lib/health/history-types';
import { inTransaction, rows, type PgDb } from './postgres-connection';
import { dayOf, type Partitions } from './postgres-partitions';
import { DIMENSION_BATCH } from './dimensions';
import { decodeBlock, encodeBlock, type BlockSample } from './sample-block-codec';
import {
  BACKEND_RAW,
  blockOf,
  byBlock,
  hotColumns,
  mergeSamples,
  rowHoldsBefore,
  SERVER_RAW,
  splitAt,
  type RawRead,
  type RawSeries,
  grouped,
  type Tagged,
} from './raw-samples';

function untagged(tagged: Tagged<BlockSample>): BlockSample {
  const sample: Partial<Tagged<BlockSample>> = { ...tagged };
  delete sample.series;
  return sample as BlockSample;
}

/** Each series' raw samples around `range` (every id asked for has an entry). */
export async function readRawMany(
  db: PgDb,
  series: RawSeries,
  ids: readonly number[],
  range: Interval,
  withBefore: boolean,
): Promise<Map<number, RawRead>> {
  const found = new Map<number, RawRead>(ids.map((id) => [id, { before: undefined, inside: [] }]));
  if (range.to <= range.from || ids.length === 0) return found;
  const { hot, blocks, id, fields } = series;
  const columns = hotColumns(series);
  const unpack = (data: { data: Buffer }[] = []) => data.flatMap((block) => decodeBlock(block.data, fields));
  const [inRows, inBlocks] = await Promise.all([
    rows<Tagged<BlockSample>>(
      db,
      `SELECT ${id} AS series, ${columns} FROM ${hot}
       WHERE ${id} = ANY($1::int[]) AND at >= $2 AND at < $3 ORDER BY ${id}, at`,
      [ids, range.from, range.to],
    ),
    rows<{ series: number; data: Buffer }>(
      db,
      `SELECT ${id} AS series, data FROM ${blocks}
       WHERE ${id} = ANY($1::int[]) AND block >= $2 AND block < $3 ORDER BY ${id}, block`,
      [ids, blockOf(range.from), range.to],
    ),
  ]);
  const rowsBy = grouped(inRows);
  const blocksBy = grouped(inBlocks);
  for (const series of ids) {
    const merged = mergeSamples(unpack(blocksBy.get(series)), (rowsBy.get(series) ?? []).map(untagged));
    found.get(series)!.inside = splitAt(merged, range).inside;
  }
  if (withBefore) await readBefore(db, series, found, range.from);
  return found;
}

/** The sample before `from` of each series: its last row, unless a block there may hold a later one. */
async function readBefore(db: PgDb, series: RawSeries, found: Map<number, RawRead>, from: number) {
  const { hot, blocks, id, fields } = series;
  const ids = [...found.keys()];
  const last = await rows<Tagged<BlockSample> & { latest_block: number | null }>(
    db,
    `SELECT d.id AS series, r.*,
       (SELECT block FROM ${blocks} WHERE ${id} = d.id AND block < $2 ORDER BY block DESC LIMIT 1) AS latest_block
     FROM unnest($1::int[]) AS d(id) LEFT JOIN LATERAL (
       SELECT ${hotColumns(series)} FROM ${hot} WHERE ${id} = d.id AND at < $2 ORDER BY at DESC LIMIT 1
     ) r ON true`,
    [ids, from],
  );
  const needBlocks = new Map<number, BlockSample | undefined>();
  for (const { latest_block: latest, ...tagged } of last) {
    const row = tagged.at === null ? undefined : untagged(tagged);
    if (rowHoldsBefore(row, latest)) found.get(tagged.series)!.before = row;
    else needBlocks.set(tagged.series, row);
  }
  if (needBlocks.size === 0) return;
  const older = grouped(
    await rows<{ series: number; data: Buffer }>(
      db,
      `SELECT d.id AS series, b.block, b.data FROM unnest($1::int[]) AS d(id) CROSS JOIN LATERAL (
         SELECT block, data FROM ${blocks} WHERE ${id} = d.id AND block < $2 ORDER BY block DESC LIMIT 2
       ) b ORDER BY 1, 2`,
      [[...needBlocks.keys()], from],
    ),
  );
  for (const [series, row] of needBlocks) {
    const packed = (older.get(series) ?? []).flatMap((block) => decodeBlock(block.data, fields));
    found.get(series)!.before = splitAt(mergeSamples(packed, row ? [row] : []), { from, to: from }).before;
  }
}

/**
 * Rows older than `cut` (a block's start) are packed into their blocks, merged into a block already there (a poll
 * written late), and deleted: a batch of series per transaction, one statement per step.
 */
export async function packPostgresSamples(db: PgDb, cut: number, partitions: Partitions): Promise<void> {
  for (const [dimensions, series] of [
    ['servers', SERVER_RAW],
    ['backends', BACKEND_RAW],
  ] as const) {
    for (let after = 0; ;) {
      const ids = (
        await rows<{ id: number }>(db, `SELECT id FROM ${dimensions} WHERE id > $1 ORDER BY id LIMIT $2`, [
          after,
          DIMENSION_BATCH,
        ])
      ).map((dimension) => dimension.id);
      if (ids.length === 0) break;
      await packBatch(db, series, ids, cut, partitions);
      after = ids[ids.length - 1]!;
    }
  }
}

async function packBatch(db: PgDb, series: RawSeries, ids: number[], cut: number, partitions: Partitions) {
  const { hot, blocks, id, fields } = series;
  const old = await rows<Tagged<BlockSample>>(
    db,
    `SELECT ${id} AS series, ${hotColumns(series)} FROM ${hot}
     WHERE ${id} = ANY($1::int[]) AND at < $2 ORDER BY ${id}, at`,
    [ids, cut],
  );
  if (old.length === 0) return;
  const first = blockOf(old.reduce((min, sample) => Math.min(min, sample.at), cut));
  // Their days' partitions first: a CREATE that races another session's would end the transaction.
  await partitions.ensure(db, new Set(old.map((sample) => dayOf(sample.at))));
  const out = { ids: [] as number[], blocks: [] as number[], data: [] as Buffer[] };
  await inTransaction(db, async () => {
    const stored = await rows<{ series: number; block: number; data: Buffer }>(
      db,
      `SELECT ${id} AS series, block, data FROM ${blocks} WHERE ${id} = ANY($1::int[]) AND block >= $2 AND block < $3`,
      [ids, first, cut],
    );
    const there = new Map(stored.map((b) => [`${b.series}/${b.block}`, b.data]));
    for (const [seriesId, samples] of grouped(old)) {
      for (const [block, list] of byBlock(samples.map(untagged))) {
        const packed = there.get(`${seriesId}/${block}`);
        const all = packed ? mergeSamples(decodeBlock(packed, fields), list) : list;
        out.ids.push(seriesId);
        out.blocks.push(block);
        out.data.push(Buffer.from(encodeBlock(all, fields)));
      }
    }
    await db.query(
      `INSERT INTO ${blocks} (${id}, block, data) SELECT * FROM unnest($1::int[], $2::bigint[], $3::bytea[])
       ON CONFLICT (${id}, block) DO UPDATE SET data = excluded.data`,
      [out.ids, out.blocks, out.data],
    );
    await db.query(`DELETE FROM ${hot} WHERE ${id} = ANY($1::int[]) AND at < $2`, [ids, cut]);
  });
}
