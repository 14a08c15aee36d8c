/**
 * Retention: raw samples, minute and hour rollups (of servers and of backends) each kept for their window, and
 * never dropped before the next level has rolled them up; a rollup run across a window's edge is cut there
 * (rollup-table.ts). Transitions, coverage and reloads are kept as long as the longest window.
 */
import { readMeta, type HistoryDb } from './db';
import { dimensionBatches } from './dimensions';
import { HOUR_MS, META_HOURS_ROLLED, META_MINUTES_ROLLED, MINUTE_MS } from './rollup';
import type { Retention } from './retention-policy';
import { ROLLUP_TABLES, runCutter } from './rollup-table';

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
      samples: 'DELETE FROM samples WHERE server_id = ? AND at < ?',
      minutes: ROLLUP_TABLES.serverMinutes,
      hours: ROLLUP_TABLES.serverHours,
    },
    {
      dimensions: 'backends',
      samples: 'DELETE FROM backend_samples WHERE backend_id = ? AND at < ?',
      minutes: ROLLUP_TABLES.backendMinutes,
      hours: ROLLUP_TABLES.backendHours,
    },
  ] as const;
  for (const { dimensions, samples, minutes, hours } of series) {
    const deleteSamples = db.prepare(samples);
    const statements = [
      { run: (id: number, cut: number) => deleteSamples.run(id, cut), cut: rawCut },
      { run: runCutter(db, minutes), cut: minuteCut },
      { run: runCutter(db, hours), cut: hourCut },
    ];
    for (const batch of dimensionBatches(db, dimensions)) {
      db.transaction(() => {
        for (const dimension of batch)
          for (const { run, cut } of statements) if (cut > 0) run(dimension.id, cut);
      })();
      yield;
    }
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
