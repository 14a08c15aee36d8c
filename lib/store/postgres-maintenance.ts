/**
 * The PostgreSQL store's maintenance, every minute and on demand: sample partitions made ahead, rollups
 * (postgres-rollup.ts), raw samples and whole days of runs packed (postgres-raw-samples.ts, postgres-packed-runs.ts),
 * then retention, as retention.ts keeps SQLite — raw samples, rows and blocks, by whole days (a day's partitions
 * are dropped once all of it is older than the cut, so raw samples may outlive RETENTION_RAW_HOURS by up to a day;
 * reads never ask for them), rollup runs cut at their window's edge (a packed day goes whole, reads hide what it
 * holds before the edge), transitions, coverage and reloads kept as long as the longest window.
 */
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';
import type { PgDb } from './postgres-connection';
import { DAY_MS, DAYS_AHEAD, dayOf, type Partitions } from './postgres-partitions';
import { rollupHours } from './postgres-hour-rollup';
import { readMeta } from './postgres-meta';
import { cutPackedRuns, packPostgresRuns } from './postgres-packed-runs';
import { packPostgresSamples } from './postgres-raw-samples';
import { dimensionBatches, rollupMinutes } from './postgres-rollup';
import { blockOf } from './raw-samples';
import type { Retention } from './retention-policy';
import { HOUR_MS, MINUTE_MS, ROLLUP_TABLES, type RollupTable } from './rollup-table';

export async function runPostgresMaintenance(
  db: PgDb,
  now: number,
  retention: Retention,
  partitions: Partitions,
): Promise<void> {
  const today = dayOf(now);
  await partitions.ensure(
    db,
    Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => today + i),
  );
  // Never roll up further back than raw samples are kept (a fresh or long-idle database starts there).
  await rollupMinutes(db, now, now - retention.rawHours * HOUR_MS);
  await rollupHours(db);
  // Raw samples of whole blocks the minutes are rolled past are packed (raw-samples.ts); late polls merge in.
  const minutesRolled = Number((await readMeta(db, META_MINUTES_ROLLED)) ?? 0) * MINUTE_MS;
  await packPostgresSamples(db, blockOf(Math.min(minutesRolled, now)), partitions);
  await packPostgresRuns(db);
  await prune(db, now, retention, partitions);
}

async function prune(db: PgDb, now: number, retention: Retention, partitions: Partitions): Promise<void> {
  const minutesRolled = Number((await readMeta(db, META_MINUTES_ROLLED)) ?? 0);
  const hoursRolled = Number((await readMeta(db, META_HOURS_ROLLED)) ?? 0);
  const rawCut = Math.min(now - retention.rawHours * HOUR_MS, minutesRolled * MINUTE_MS);
  const minuteCut = Math.min(Math.floor((now - retention.minuteDays * DAY_MS) / MINUTE_MS), hoursRolled * 60);
  const hourCut = Math.floor((now - retention.hourDays * DAY_MS) / HOUR_MS);
  if (rawCut > 0) await partitions.dropBefore(db, rawCut);
  const series = [
    { dimensions: 'servers', tables: [ROLLUP_TABLES.serverMinutes, ROLLUP_TABLES.serverHours] },
    { dimensions: 'backends', tables: [ROLLUP_TABLES.backendMinutes, ROLLUP_TABLES.backendHours] },
  ] as const;
  for (const { dimensions, tables } of series) {
    for await (const batch of dimensionBatches(db, dimensions)) {
      const ids = batch.map((dimension) => dimension.id);
      await cutRuns(db, tables[0], ids, minuteCut);
      await cutRuns(db, tables[1], ids, hourCut);
    }
    await cutPackedRuns(db, tables[0], minuteCut);
    await cutPackedRuns(db, tables[1], hourCut);
  }
  const keepFrom = now - retention.hourDays * DAY_MS;
  await db.query('DELETE FROM transitions WHERE at < $1', [keepFrom]);
  await db.query('DELETE FROM coverage WHERE to_ms < $1', [keepFrom]);
  await db.query('DELETE FROM reloads WHERE at < $1', [keepFrom]);
}

/**
 * Retention at `cut` (a bucket) for these series: runs that end by it go; one that reaches past it is made to
 * start there (rollup-table.ts runCutter).
 */
async function cutRuns(db: PgDb, table: RollupTable, ids: number[], cut: number): Promise<void> {
  if (cut <= 0) return;
  const { name, id } = table;
  await db.query(`DELETE FROM ${name} WHERE ${id} = ANY($1::int[]) AND bucket < $2 AND bucket + span <= $2`, [
    ids,
    cut,
  ]);
  await db.query(
    `UPDATE ${name} SET bucket = $2, span = bucket + span - $2
     WHERE ${id} = ANY($1::int[]) AND bucket < $2 AND bucket + span > $2`,
    [ids, cut],
  );
}
