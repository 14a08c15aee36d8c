/**
 * Rollup runs in SQLite with their packed days (packed-runs.ts): one series' buckets read from both, maintenance
 * packing whole days, retention of packed days.
 */
import type { Interval } from '@/lib/health/history-types';
import { readMeta, writeMeta, type HistoryDb } from './db';
import { dimensionBatches } from './dimensions';
import { META_HOURS_ROLLED } from './meta-keys';
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
import { bucketRange, ROLLUP_TABLES, type RollupTable, type StoredRun } from './rollup-table';

/**
 * One series' rows over `range` (epoch ms), one per bucket from the one holding range.from to the one holding
 * range.to: a run is given once for each of its buckets, each with its own `bucket`.
 */
export function readBuckets<D extends StoredRun>(
  db: HistoryDb,
  table: RollupTable,
  id: number,
  range: Interval,
): D[] {
  if (range.to <= range.from) return [];
  const { first, end } = bucketRange(table, range);
  const packed = PACKED_ROLLUPS[table.name];
  const rows = db
    .prepare(
      `SELECT * FROM ${table.name} WHERE ${table.id} = ? AND bucket >= ? AND bucket < ? ORDER BY bucket`,
    )
    .all(id, first - (table.limit - 1), end) as D[];
  const days = db
    .prepare(
      `SELECT data FROM ${packed.blocks} WHERE ${table.id} = ? AND block >= ? AND block < ? ORDER BY block`,
    )
    .pluck()
    .all(id, dayBlockOf(packed, first), end) as Buffer[];
  const kept = Number(readMeta(db, keptKey(table)) ?? 0);
  return mergeRuns(
    days.flatMap((data) => decodeRuns<D>(data, packed)),
    rows,
    first,
    end,
    kept,
  );
}

/** Days whose hours are rolled an hour past their end leave the run tables for their packed rows. */
export function* packRuns(db: HistoryDb): Generator<void> {
  const hoursRolled = Number(readMeta(db, META_HOURS_ROLLED) ?? 0);
  const until = packCut(PACKED_ROLLUPS.rollup_hour, hoursRolled);
  if (until <= Number(readMeta(db, META_RUNS_PACKED) ?? 0)) return;
  for (const table of Object.values(ROLLUP_TABLES)) {
    const packed = PACKED_ROLLUPS[table.name];
    const cut = packCut(packed, hoursRolled);
    if (cut === 0) continue;
    const old = db.prepare(
      `SELECT * FROM ${table.name} WHERE ${table.id} = ? AND bucket < ? ORDER BY bucket`,
    );
    const stored = db
      .prepare(`SELECT data FROM ${packed.blocks} WHERE ${table.id} = ? AND block = ?`)
      .pluck();
    const put = db.prepare(
      `INSERT OR REPLACE INTO ${packed.blocks} (${table.id}, block, data) VALUES (?, ?, ?)`,
    );
    const remove = db.prepare(`DELETE FROM ${table.name} WHERE ${table.id} = ? AND bucket < ?`);
    for (const batch of dimensionBatches(db, table.id === 'server_id' ? 'servers' : 'backends')) {
      db.transaction(() => {
        for (const { id } of batch) {
          const runs = old.all(id, cut) as PackedRun[];
          if (runs.length === 0) continue;
          for (const [block, list] of byDay(runs, (bucket) => dayBlockOf(packed, bucket))) {
            const there = stored.get(id, block) as Buffer | undefined;
            const all = there ? rejoin(decodeRuns(there, packed), list, packed, table.limit) : list;
            put.run(id, block, encodeRuns(all as (PackedRun & Record<string, unknown>)[], packed));
          }
          remove.run(id, cut);
        }
      })();
      yield;
    }
  }
  writeMeta(db, META_RUNS_PACKED, String(until));
}

function byDay<D extends PackedRun>(runs: readonly D[], dayOf: (bucket: number) => number): Map<number, D[]> {
  const days = new Map<number, D[]>();
  for (const run of runs) {
    const day = dayOf(run.bucket);
    const list = days.get(day);
    if (list) list.push(run);
    else days.set(day, [run]);
  }
  return days;
}

/**
 * Retention of packed days at `cut` (a bucket of the table's level): a day goes once all of it is before the cut,
 * and the cut is recorded, so reads hide the buckets before it that a day still holds.
 */
export function packedCutter(db: HistoryDb, table: RollupTable): (id: number, cut: number) => void {
  const packed = PACKED_ROLLUPS[table.name];
  const drop = db.prepare(`DELETE FROM ${packed.blocks} WHERE ${table.id} = ? AND block + ? <= ?`);
  return (id, cut) => void drop.run(id, packed.perBlock, cut);
}

/** Records the level's retention edge (never moving back: what went before it is gone). */
export function recordRetentionEdge(db: HistoryDb, table: RollupTable, cut: number): void {
  const key = keptKey(table);
  if (cut > Number(readMeta(db, key) ?? 0)) writeMeta(db, key, String(cut));
}

/**
 * Polls from before `from` (epoch ms) are about to be written late and their minutes and hours rolled again: the
 * packed days they reach go back to rows first, as the rollups read and rewrite them (packed again later).
 */
export function unpackRuns(db: HistoryDb, from: number): void {
  db.transaction(() => unpackDays(db, from))();
}

function unpackDays(db: HistoryDb, from: number): void {
  for (const table of Object.values(ROLLUP_TABLES)) {
    const packed = PACKED_ROLLUPS[table.name];
    const day = dayBlockOf(packed, Math.floor(from / table.bucketMs));
    const days = db
      .prepare(`SELECT ${table.id} AS id, block, data FROM ${packed.blocks} WHERE block >= ?`)
      .all(day) as { id: number; block: number; data: Buffer }[];
    if (days.length === 0) continue;
    const columns = [table.id, 'bucket', ...packed.fields];
    const insert = db.prepare(
      `INSERT OR REPLACE INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    for (const { id, data } of days)
      for (const run of decodeRuns<PackedRun>(data, packed)) insert.run({ ...run, [table.id]: id });
    db.prepare(`DELETE FROM ${packed.blocks} WHERE block >= ?`).run(day);
  }
  db.prepare('DELETE FROM meta WHERE key = ?').run(META_RUNS_PACKED);
}
