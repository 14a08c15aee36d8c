import 'server-only';
import { isStoreError } from '@/lib/problems/store-fault';
import type { HistoryReads } from '@/lib/store';

const UPTIME_RANGE_MS = 24 * 3600_000;
const UPTIME_REFRESH_MS = 60_000;

/**
 * Pool uptime over the last 24 h from the history store, read at start and again at most once a minute (it reads
 * every server's timeline). The pools view is computed synchronously, so it gets the last figures read while a
 * read is under way. A failing store gives null: the pools view must not depend on history.
 */
export function cachedPoolUptime(
  store: { history: Pick<HistoryReads, 'uptime'> },
  clock: () => number,
): (pool: string) => number | null {
  let byPool = new Map<string, number | null>();
  let readAt = 0;
  let reading = false;
  const read = () => {
    const now = clock();
    readAt = now;
    reading = true;
    store.history
      .uptime({ from: now - UPTIME_RANGE_MS, to: now })
      .then((report) => {
        byPool = new Map(report.pools.map((p) => [p.pool, p.uptimePct]));
      })
      .catch((error: unknown) => {
        byPool = new Map();
        // A store fault is reported once by the store itself (health, banner, log); anything else is news.
        if (!isStoreError(error))
          console.error(
            '[hapscope] pool uptime unavailable:',
            error instanceof Error ? error.message : error,
          );
      })
      .finally(() => (reading = false));
  };
  read();
  return (pool) => {
    if (!reading && clock() - readAt >= UPTIME_REFRESH_MS) read();
    return byPool.get(pool) ?? null;
  };
}
