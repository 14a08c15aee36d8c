/**
 * Minute rollups from raw samples and hour rollups from minute rollups, for servers and for backends, stored as
 * runs of unchanged buckets (rollup-table.ts). Each window is processed in batches (a generator: the caller may
 * yield to the event loop between batches) and rewritten whole, so running it twice gives the same rows. meta
 * records how far each level is rolled.
 */
import { backendHours, rollupBackendMinutes } from './backend-rollup';
import { readMeta, writeMeta, type HistoryDb } from './db';
import { coverageByInstance, dimensionBatches } from './dimensions';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';
import { HOUR_MS, HOURS_PER_WINDOW, MINUTE_MS, MINUTES_PER_WINDOW, ROLLUP_LAG_MS } from './rollup-table';
import { rollupServerMinutes, serverHours } from './server-rollup';
import { unpackRuns } from './sqlite-packed-runs';

export { HOUR_MS, MINUTE_MS, ROLLUP_LAG_MS } from './rollup-table';
export { META_HOURS_ROLLED, META_MINUTES_ROLLED } from './meta-keys';

/** Rolls complete minutes, from where the last run stopped, no further back than `earliest` (epoch ms). */
export function* rollupMinutes(db: HistoryDb, now: number, earliest: number): Generator<void> {
  const until = Math.floor((now - ROLLUP_LAG_MS) / MINUTE_MS);
  const stored = readMeta(db, META_MINUTES_ROLLED);
  const firstCoverage = db.prepare('SELECT MIN(from_ms) AS at FROM coverage').get() as { at: number | null };
  if (stored === null && firstCoverage.at === null) return;
  let start = Math.max(
    Number(stored ?? Math.floor(firstCoverage.at! / MINUTE_MS)),
    Math.floor(earliest / MINUTE_MS),
  );
  while (start < until) {
    const end = Math.min(until, start + MINUTES_PER_WINDOW);
    const window = { from: start * MINUTE_MS, to: end * MINUTE_MS };
    const coverage = coverageByInstance(db, window);
    yield* rollupServerMinutes(db, window, coverage);
    yield* rollupBackendMinutes(db, window, coverage);
    writeMeta(db, META_MINUTES_ROLLED, String(end));
    start = end;
  }
}

/**
 * Polls written late (kept in memory while the store failed) land in minutes that may be rolled already: the next
 * run rolls them again from `from` (epoch ms), and their hours; each window is rewritten whole.
 */
export function rewindRollups(db: HistoryDb, from: number): void {
  unpackRuns(db, from);
  const minute = Math.floor(from / MINUTE_MS);
  const minutes = readMeta(db, META_MINUTES_ROLLED);
  if (minutes !== null && Number(minutes) > minute) writeMeta(db, META_MINUTES_ROLLED, String(minute));
  const hour = Math.floor(from / HOUR_MS);
  const hours = readMeta(db, META_HOURS_ROLLED);
  if (hours !== null && Number(hours) > hour) writeMeta(db, META_HOURS_ROLLED, String(hour));
}

/** Rolls hours whose minutes are all rolled, from minute rollups. */
export function* rollupHours(db: HistoryDb): Generator<void> {
  const minutesRolled = readMeta(db, META_MINUTES_ROLLED);
  if (minutesRolled === null) return;
  const until = Math.floor(Number(minutesRolled) / 60);
  const stored = readMeta(db, META_HOURS_ROLLED);
  const first = db
    .prepare(
      `SELECT MIN(bucket) AS bucket FROM (SELECT MIN(bucket) AS bucket FROM rollup_minute
       UNION ALL SELECT MIN(bucket) FROM backend_rollup_minute)`,
    )
    .get() as { bucket: number | null };
  if (stored === null && first.bucket === null) return;
  let start = Number(stored ?? Math.floor(first.bucket! / 60));
  const series = [
    { table: 'servers', roll: serverHours(db) },
    { table: 'backends', roll: backendHours(db) },
  ] as const;
  while (start < until) {
    const end = Math.min(until, start + HOURS_PER_WINDOW);
    for (const { table, roll } of series) {
      for (const batch of dimensionBatches(db, table)) {
        db.transaction(() => {
          for (const dimension of batch) roll(dimension.id, { from: start, to: end });
        })();
        yield;
      }
    }
    writeMeta(db, META_HOURS_ROLLED, String(end));
    start = end;
  }
}
