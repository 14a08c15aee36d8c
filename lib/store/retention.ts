/**
 * Retention: raw samples, minute and hour rollups (of servers and of backends) each kept for their window, and
 * never dropped before the next level has rolled them up. Transitions, coverage and reloads are kept as long as
 * the longest window.
 */
import { readMeta, type HistoryDb } from './db';
import { dimensionBatches } from './dimensions';
import { HOUR_MS, META_HOURS_ROLLED, META_MINUTES_ROLLED, MINUTE_MS } from './rollup';

export interface Retention {
  rawHours: number;
  minuteDays: number;
  hourDays: number;
}

export const DEFAULT_RETENTION: Retention = { rawHours: 48, minuteDays: 30, hourDays: 365 };
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
      id: 'server_id',
      samples: 'samples',
      minutes: 'rollup_minute',
      hours: 'rollup_hour',
    },
    {
      dimensions: 'backends',
      id: 'backend_id',
      samples: 'backend_samples',
      minutes: 'backend_rollup_minute',
      hours: 'backend_rollup_hour',
    },
  ] as const;
  for (const { dimensions, id, samples, minutes, hours } of series) {
    const statements = [
      { sql: db.prepare(`DELETE FROM ${samples} WHERE ${id} = ? AND at < ?`), cut: rawCut },
      { sql: db.prepare(`DELETE FROM ${minutes} WHERE ${id} = ? AND bucket < ?`), cut: minuteCut },
      { sql: db.prepare(`DELETE FROM ${hours} WHERE ${id} = ? AND bucket < ?`), cut: hourCut },
    ];
    for (const batch of dimensionBatches(db, dimensions)) {
      db.transaction(() => {
        for (const dimension of batch)
          for (const { sql, cut } of statements) if (cut > 0) sql.run(dimension.id, cut);
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
