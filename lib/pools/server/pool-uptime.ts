import { isStoreError } from '@/lib/problems/store-fault';
import 'server-only';
import type { HistoryStore } from '@/lib/store';

const UPTIME_RANGE_MS = 24 * 3600_000;
const UPTIME_REFRESH_MS = 60_000;

/**
 * Pool uptime over the last 24 h from the history store, recomputed at most once a minute (it reads every
 * server's timeline). A failing store gives null: the pools view must not depend on history.
 */
export function cachedPoolUptime(
  store: Pick<HistoryStore, 'uptime'>,
  clock: () => number,
): (pool: string) => number | null {
  let cached: { at: number; byPool: Map<string, number | null> } | null = null;
  return (pool) => {
    const now = clock();
    if (!cached || now - cached.at >= UPTIME_REFRESH_MS) {
      let byPool = new Map<string, number | null>();
      try {
        const report = store.uptime({ from: now - UPTIME_RANGE_MS, to: now });
        byPool = new Map(report.pools.map((p) => [p.pool, p.uptimePct]));
      } catch (error) {
        // A store fault is reported once by the store itself (health, banner, log); anything else is news.
        if (!isStoreError(error))
          console.error('[hapscope] pool uptime unavailable:', (error as Error).message);
      }
      cached = { at: now, byPool };
    }
    return cached.byPool.get(pool) ?? null;
  };
}
