/** State-change events, newest first, each with how long the new state lasted (null while it still holds). */
import type { Interval } from '@/lib/health/history-types';
import type { HistoryDb } from './db';
import { toStatusChange } from './history-rows';
import type { EventFilter, HistoryEvent } from './history-types';
import { filterSql } from './timelines';

/**
 * Only changes of the normalized status are events (UP → UP 1/3 is kept in the server's transitions, not here).
 */
export function queryEvents(
  db: HistoryDb,
  range: Interval,
  limit: number,
  filter: EventFilter = {},
): HistoryEvent[] {
  const { where, values } = filterSql(filter);
  const rows = db
    .prepare(
      `SELECT t.*, i.name AS instance, s.backend, s.name AS server,
         (SELECT MIN(n.at) FROM transitions n WHERE n.server_id = t.server_id AND n.at > t.at
            AND n.from_status IS NOT n.to_status) AS next_at
       FROM transitions t JOIN servers s ON s.id = t.server_id JOIN instances i ON i.id = s.instance_id
       WHERE t.at >= ? AND t.at < ? AND t.from_status IS NOT t.to_status${where}
       ORDER BY t.at DESC, t.id DESC LIMIT ?`,
    )
    .all(range.from, range.to, ...values, limit) as (Parameters<typeof toStatusChange>[0] & {
    instance: string;
    backend: string;
    server: string;
    next_at: number | null;
  })[];
  return rows.map((row) => ({
    ...toStatusChange(row),
    instance: row.instance,
    backend: row.backend,
    server: row.server,
    durationMs: row.next_at === null ? null : row.next_at - row.at,
  }));
}
