/** Periodic rollup and pruning, off the poll's hot path: small batches with the event loop free in between. */
import type { StorePart } from '@/lib/problems/store-problems';
import { readMeta, type HistoryDb } from './db';
import { blockOf } from './raw-samples';
import { prune } from './retention';
import type { Retention } from './retention-policy';
import { META_MINUTES_ROLLED, MINUTE_MS, rollupHours, rollupMinutes } from './rollup';
import { packRuns } from './sqlite-packed-runs';
import { packSamples } from './sqlite-raw-samples';

export const MAINTENANCE_INTERVAL_MS = 60_000;

export function* maintenanceSteps(db: HistoryDb, now: number, retention: Retention): Generator<void> {
  // Never roll up further back than raw samples are kept (a fresh or long-idle database starts there).
  yield* rollupMinutes(db, now, now - retention.rawHours * 3_600_000);
  yield* rollupHours(db);
  // Raw samples of whole blocks the minutes are rolled past are packed (raw-samples.ts); late polls merge in.
  const minutesRolled = Number(readMeta(db, META_MINUTES_ROLLED) ?? 0) * MINUTE_MS;
  yield* packSamples(db, blockOf(Math.min(minutesRolled, now)));
  yield* packRuns(db);
  yield* prune(db, now, retention);
}

/** For tests, the bench and the demo seed: runs every step at once. */
export function runMaintenance(db: HistoryDb, now: number, retention: Retention): void {
  for (const step of maintenanceSteps(db, now, retention)) void step;
}

/** Where a run's failure goes: the store's faults (logged there, throttled), or the log when it is not the store's. */
interface MaintenanceFaults {
  failed(part: StorePart, error: unknown): unknown;
  succeeded(part: StorePart): void;
}

/** Runs maintenance every interval; a run still in progress is not started again. Returns a stop function. */
export function startMaintenance(
  getDb: () => HistoryDb,
  retention: Retention,
  faults: MaintenanceFaults,
  intervalMs = MAINTENANCE_INTERVAL_MS,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const step of maintenanceSteps(getDb(), Date.now(), retention)) {
        void step;
        await new Promise((resolve) => setImmediate(resolve));
      }
      faults.succeeded('maintenance');
    } catch (error) {
      if (!faults.failed('maintenance', error))
        console.error('[hapscope] history maintenance failed:', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
