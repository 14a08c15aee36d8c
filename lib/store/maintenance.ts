/** Periodic rollup and pruning, off the poll's hot path: small batches with the event loop free in between. */
import type { StorePart } from '@/lib/problems/store-problems';
import type { HistoryDb } from './db';
import { prune } from './retention';
import type { Retention } from './retention-policy';
import { rollupHours, rollupMinutes } from './rollup';

export const MAINTENANCE_INTERVAL_MS = 60_000;

export function* maintenanceSteps(db: HistoryDb, now: number, retention: Retention): Generator<void> {
  // Never roll up further back than raw samples are kept (a fresh or long-idle database starts there).
  yield* rollupMinutes(db, now, now - retention.rawHours * 3_600_000);
  yield* rollupHours(db);
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
