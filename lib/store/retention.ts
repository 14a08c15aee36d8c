/**
 * Retention: raw samples, minute and hour rollups (of servers and of backends) each kept for their window, and
 * never dropped before the next level has rolled them up; a rollup run across a window's edge is cut there
 * (rollup-table.ts), a packed day goes whole and reads hide what it holds before the edge (packed-runs.ts); a block
 * of packed raw samples goes whole once all of it is past the edge (so raw samples may outlive RETENTION_RAW_HOURS
 * by up to 10 minutes; reads never ask for them). Transitions, coverage and reloads are kept as long as the longest
 * window.
 */
import { readMeta, type HistoryDb } from './db';
import { dimensionBatches } from './dimensions';
import { HOUR_MS, META_HOURS_ROLLED, META_MINUTES_ROLLED, MINUTE_MS } from './rollup';
import type { Retention } from './retention-policy';
import { BACKEND_RAW, SERVER_RAW } from './raw-samples';
import { ROLLUP_TABLES, runCutter } from './rollup-table';
import { packedCutter, recordRetentionEdge } from './sqlite-packed-runs';
import { rawPruner } from './sqlite-raw-samples';

const DAY_MS = 86_400_000;
const DELETE_BATCH = 5000;

export function* prune(db: HistoryDb, now: number, retention: Retention): Generator<void> {
  const minutesRolled = Number(readMeta(db, META_MINUTES_ROLLED) ?? 0);
  const hoursRolled = Number(readMeta(db, META_HOURS_ROLLED) ?? 0);
  const rawCut = Math.min(now - retention.rawHours * HOUR_MS, minutesRolled * MINUTE_MS);
  const minuteCut = Math.min(Math.floor((now - retention.minuteDays * DAY_MS) / MINUTE_MS), hoursRolled * 60);
  const hourCut = Math.floor((now - retention.hourDays * DAY_MS) / HOUR_MS);
  const series = [
    {
      dimensions: 'servers',
      raw: SERVER_RAW,
      minutes: ROLLUP_TABLES.serverMinutes,
      hours: ROLLUP_TABLES.serverHours,
    },
    {
      dimensions: 'backends',
      raw: BACKEND_RAW,
      minutes: ROLLUP_TABLES.backendMinutes,
      hours: ROLLUP_TABLES.backendHours,
    },
  ] as const;
  for (const { dimensions, raw, minutes, hours } of series) {
    const statements = [
      { run: rawPruner(db, raw), cut: rawCut },
      { run: runCutter(db, minutes), cut: minuteCut },
      { run: packedCutter(db, minutes), cut: minuteCut },
      { run: runCutter(db, hours), cut: hourCut },
      { run: packedCutter(db, hours), cut: hourCut },
    ];
    for (const batch of dimensionBatches(db, dimensions)) {
      db.transaction(() => {
        for (const dimension of batch)
          for (const { run, cut } of statements) if (cut > 0) run(dimension.id, cut);
      })();
      yield;
    }
    if (minuteCut > 0) recordRetentionEdge(db, minutes, minuteCut);
    if (hourCut > 0) recordRetentionEdge(db, hours, hourCut);
  }
  const keepFrom = now - retention.hourDays * DAY_MS;
  yield* deleteInBatches(
    db,
    'DELETE FROM transitions WHERE id IN (SELECT id FROM transitions WHERE at < ? LIMIT ?)',
    keepFrom,
  );
  yield* deleteInBatches(
    db,
    'DELETE FROM coverage WHERE id IN (SELECT id FROM coverage WHERE to_ms < ? LIMIT ?)',
    keepFrom,
  );
  db.prepare('DELETE FROM reloads WHERE at < ?').run(keepFrom);
}

function* deleteInBatches(db: HistoryDb, sql: string, before: number): Generator<void> {
  const statement = db.prepare(sql);
  while (statement.run(before, DELETE_BATCH).changes === DELETE_BATCH) yield;
}
