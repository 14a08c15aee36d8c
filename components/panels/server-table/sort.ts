/** Sortable columns of the server table and how servers and backend groups compare under each. */
import type { Backend, Server } from '@/lib/health/types';
import { backendStatusView, serverStatusView } from './status';

export const SORT_COLUMNS = [
  'status',
  'name',
  'latency',
  'queue',
  'sessions',
  'rate',
  'last-change',
  'downtime',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDir = 'asc' | 'desc';

/** The direction of a first click: worst, busiest, slowest first; names A→Z; most recent change first. */
export const DEFAULT_DIR: Record<SortColumn, SortDir> = {
  status: 'desc',
  name: 'asc',
  latency: 'desc',
  queue: 'desc',
  sessions: 'desc',
  rate: 'desc',
  'last-change': 'asc',
  downtime: 'desc',
};

type SortValue = number | string | null;

export function serverSortValue(server: Server, column: SortColumn): SortValue {
  switch (column) {
    case 'status':
      return serverStatusView(server).severity;
    case 'name':
      return server.name;
    case 'latency':
      return server.check.durationMs;
    case 'queue':
      return server.queue.current;
    case 'sessions':
      return server.sessions.current;
    case 'rate':
      return server.sessionRate.current;
    case 'last-change':
      return server.lastChangeSec;
    case 'downtime':
      return server.downtimeSec;
  }
}

/**
 * A backend group sorts by its own figures where HAProxy has them (sessions, rate, queue, status) and otherwise
 * by the first of its (already sorted) servers, so the group holding the top server comes first.
 */
export function backendSortValue(backend: Backend, sortedServers: Server[], column: SortColumn): SortValue {
  switch (column) {
    case 'status':
      return Math.max(
        backendStatusView(backend).severity,
        ...sortedServers.map((s) => serverStatusView(s).severity),
      );
    case 'name':
      return `${backend.instance}\u0000${backend.name}`;
    case 'queue':
      return backend.queue.current;
    case 'sessions':
      return backend.sessions.current;
    case 'rate':
      return backend.sessionRate.current;
    default: {
      const first = sortedServers[0];
      return first ? serverSortValue(first, column) : null;
    }
  }
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Unknown values (null) always sort last, whatever the direction. */
export function compareSortValues(a: SortValue, b: SortValue, dir: SortDir): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const order =
    typeof a === 'string' || typeof b === 'string' ? collator.compare(String(a), String(b)) : a - b;
  return dir === 'asc' ? order : -order;
}

/** A stable sort: equal items keep their input (HAProxy configuration) order. */
export function stableSortBy<T>(items: readonly T[], value: (item: T) => SortValue, dir: SortDir): T[] {
  return items
    .map((item, index) => ({ item, index, v: value(item) }))
    .sort((x, y) => compareSortValues(x.v, y.v, dir) || x.index - y.index)
    .map((x) => x.item);
}
