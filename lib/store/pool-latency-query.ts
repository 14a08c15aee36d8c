/** The stored check durations of one pool's servers over a range, at the resolution the range calls for. */
import type { Interval } from '@/lib/health/history-types';
import type { LatencyReading } from '@/lib/history/pool-latency-buckets';
import { pickResolution } from '@/lib/health/time-range';
import type { HistoryDb } from './db';
import { loadSamples } from './history-query';
import type { PoolCheckDurations } from './history-types';
import type { Retention } from './retention-policy';

/** null when no stored server has ever been placed in the pool (servers whose stored `pool` is it). */
export function queryPoolCheckDurations(
  db: HistoryDb,
  pool: string,
  range: Interval,
  options: { now: number; retention: Retention },
): PoolCheckDurations | null {
  const ids = db.prepare('SELECT id FROM servers WHERE pool = ? ORDER BY id').pluck().all(pool) as number[];
  if (ids.length === 0) return null;
  const resolution = pickResolution(range, options.now, options.retention);
  const readings: LatencyReading[] = [];
  for (const id of ids) {
    for (const sample of loadSamples(db, id, range, resolution)) {
      if (sample.checkDurationMs === null) continue;
      const max = sample.rollup?.checkDurationMaxMs ?? sample.checkDurationMs;
      readings.push({ at: sample.at, checkDurationMs: sample.checkDurationMs, checkDurationMaxMs: max });
    }
  }
  return { resolution, readings };
}
