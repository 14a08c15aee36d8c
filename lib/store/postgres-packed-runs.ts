/**
 * Rollup runs in PostgreSQL with their packed days (packed-runs.ts), as sqlite-packed-runs.ts keeps them in SQLite:
 * many series' buckets read from both, maintenance packing whole days a batch of 500 series per statement,
 * retention of packed days.
 */
import type { Interval } from '@/lib/health/history-types';
import { DIMENSION_BATCH } from './dimensions';
import { META_HOURS_ROLLED } from './meta-keys';
import { inTransaction, rows, type PgDb } from './postgres-connection';
import { readMeta, writeMeta } from './postgres-meta';
import { keptKey, META_RUNS_PACKED, PACKED_ROLLUPS } from './packed-rollups';
import {
  dayBlockOf,
  decodeRuns,
  encodeRuns,
  mergeRuns,
  packCut,
  rejoin,
  type PackedRun,
} from './packed-runs';
import { insertMany, type Column } from './postgres-unnest';
import { grouped, type Tagged } from './raw-samples';
import { bucketRange, ROLLUP_TABLES, type RollupTable, type StoredRun } from './rollup-table';

/** Each series' rollup rows over `range`, one per bucket (every id asked for has a list, maybe empty). */
export async function readBucketsMany<D extends StoredRun>(
  db: PgDb,
  table: RollupTable,
  ids: readonly number[],
  range: Interval,
): Promise<Map<number, D[]>> {
  const found = new Map<number, D[]>(ids.map((id) => [id, []]));
  if (range.to <= range.from) return found;
  const { first, end } = bucketRange(table, range);
  const packed = PACKED_ROLLUPS[table.name];
  const [stored, days, kept] = await Promise.all([
    rows<Tagged<D>>(
      db,
      `SELECT ${table.id} AS series, * FROM ${table.name}
       WHERE ${table.id} = ANY($1::int[]) AND bucket >= $2 AND bucket < $3 ORDER BY ${table.id}, bucket`,
      [ids, first - (table.limit - 1), end],
    ),
    rows<{ series: number; data: Buffer }>(
      db,
      `SELECT ${table.id} AS series, data FROM ${packed.blocks}
       WHERE ${table.id} = ANY($1::int[]) AND block >= $2 AND block < $3 ORDER BY ${table.id}, block`,
      [ids, dayBlockOf(packed, first), end],
    ),
    readMeta(db, keptKey(table)),
  ]);
  const rowsBy = grouped(stored);
  const daysBy = grouped(days);
  for (const id of ids) {
    const unpacked = (daysBy.get(id) ?? []).flatMap((day) => decodeRuns<D>(day.data, packed));
    found.set(id, mergeRuns(unpacked, rowsBy.get(id) ?? [], first, end, Number(kept ?? 0)));
  }
  return found;
}

/** Days whose hours are rolled an hour past their end leave the run tables for their packed rows. */
export async function packPostgresRuns(db: PgDb): Promise<void> {
  const hoursRolled = Number((await readMeta(db, META_HOURS_ROLLED)) ?? 0);
  const until = packCut(PACKED_ROLLUPS.rollup_hour, hoursRolled);
  if (until <= Number((await readMeta(db, META_RUNS_PACKED)) ?? 0)) return;
  for (const table of Object.values(ROLLUP_TABLES)) {
    const cut = packCut(PACKED_ROLLUPS[table.name], hoursRolled);
    if (cut === 0) continue;
    const dimensions = table.id === 'server_id' ? 'servers' : 'backends';
    for (let after = 0; ;) {
      const ids = (
        await rows<{ id: number }>(db, `SELECT id FROM ${dimensions} WHERE id > $1 ORDER BY id LIMIT $2`, [
          after,
          DIMENSION_BATCH,
        ])
      ).map((dimension) => dimension.id);
      if (ids.length === 0) break;
      await packBatch(db, table, ids, cut);
      after = ids[ids.length - 1]!;
    }
  }
  await writeMeta(db, META_RUNS_PACKED, String(until));
}

async function packBatch(db: PgDb, table: RollupTable, ids: number[], cut: number): Promise<void> {
  const packed = PACKED_ROLLUPS[table.name];
  await inTransaction(db, async () => {
    const old = await rows<Tagged<PackedRun>>(
      db,
      `SELECT ${table.id} AS series, * FROM ${table.name}
       WHERE ${table.id} = ANY($1::int[]) AND bucket < $2 ORDER BY ${table.id}, bucket`,
      [ids, cut],
    );
    if (old.length === 0) return;
    const first = old.reduce((min, run) => Math.min(min, dayBlockOf(packed, run.bucket)), cut);
    const stored = await rows<{ series: number; block: number; data: Buffer }>(
      db,
      `SELECT ${table.id} AS series, block, data FROM ${packed.blocks}
       WHERE ${table.id} = ANY($1::int[]) AND block >= $2 AND block < $3`,
      [ids, first, cut],
    );
    const there = new Map(stored.map((day) => [`${day.series}/${day.block}`, day.data]));
    const out = { ids: [] as number[], blocks: [] as number[], data: [] as Buffer[] };
    for (const [id, runs] of grouped(old)) {
      const days = new Map<number, Tagged<PackedRun>[]>();
      for (const run of runs) {
        const day = dayBlockOf(packed, run.bucket);
        const list = days.get(day);
        if (list) list.push(run);
        else days.set(day, [run]);
      }
      for (const [block, list] of days) {
        const data = there.get(`${id}/${block}`);
        const all = data ? rejoin(decodeRuns<PackedRun>(data, packed), list, packed, table.limit) : list;
        out.ids.push(id);
        out.blocks.push(block);
        out.data.push(Buffer.from(encodeRuns(all as (PackedRun & Record<string, unknown>)[], packed)));
      }
    }
    await db.query(
      `INSERT INTO ${packed.blocks} (${table.id}, block, data)
       SELECT * FROM unnest($1::int[], $2::int[], $3::bytea[])
       ON CONFLICT (${table.id}, block) DO UPDATE SET data = excluded.data`,
      [out.ids, out.blocks, out.data],
    );
    await db.query(`DELETE FROM ${table.name} WHERE ${table.id} = ANY($1::int[]) AND bucket < $2`, [
      ids,
      cut,
    ]);
  });
}

/**
 * Retention of packed days at `cut` (a bucket of the table's level): a day goes once all of it is before the cut,
 * and the cut is recorded (never moving back), so reads hide the buckets before it that a day still holds.
 */
export async function cutPackedRuns(db: PgDb, table: RollupTable, cut: number): Promise<void> {
  if (cut <= 0) return;
  const packed = PACKED_ROLLUPS[table.name];
  await db.query(`DELETE FROM ${packed.blocks} WHERE block + $1 <= $2`, [packed.perBlock, cut]);
  const key = keptKey(table);
  if (cut > Number((await readMeta(db, key)) ?? 0)) await writeMeta(db, key, String(cut));
}

/**
 * Polls from before `from` (epoch ms) are about to be written late and their minutes and hours rolled again: the
 * packed days they reach go back to rows first, as the rollups read and rewrite them (packed again later).
 */
export async function unpackPostgresRuns(db: PgDb, from: number): Promise<void> {
  for (const table of Object.values(ROLLUP_TABLES)) {
    const packed = PACKED_ROLLUPS[table.name];
    const day = dayBlockOf(packed, Math.floor(from / table.bucketMs));
    const days = await rows<{ id: number; data: Buffer }>(
      db,
      `DELETE FROM ${packed.blocks} WHERE block >= $1 RETURNING ${table.id} AS id, data`,
      [day],
    );
    type Unpacked = Record<string, number | null> & { id: number; bucket: number };
    const runs = days.flatMap(({ id, data }) =>
      decodeRuns<PackedRun>(data, packed).map((run): Unpacked => ({ ...run, id })),
    );
    const columns: Column<Unpacked>[] = [
      { name: table.id, type: 'int', value: (run) => run.id },
      { name: 'bucket', type: 'int', value: (run) => run.bucket },
      ...packed.fields.map((field) => ({
        name: field,
        type: field === 'span' ? 'smallint' : 'float8',
        value: (run: Unpacked) => run[field],
      })),
    ];
    await insertMany(db, table.name, columns, runs, `ON CONFLICT (${table.id}, bucket) DO NOTHING`, false);
  }
  await db.query('DELETE FROM meta WHERE key = $1', [META_RUNS_PACKED]);
}
