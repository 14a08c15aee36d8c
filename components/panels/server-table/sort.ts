/** How servers and backend groups compare under a column: every column sorts, by its own reading. */
import type { Backend, Server } from '@/lib/health/types';
import type { ColumnContext, SortValue } from './column-readings';
import type { Column, ColumnId } from './columns';
import { backendStatusView, serverStatusView } from './status';

export type SortColumn = ColumnId;
export type SortDir = 'asc' | 'desc';

export function serverSortValue(
  server: Server,
  backend: Backend,
  column: Column,
  ctx: ColumnContext,
): SortValue {
  return column.server.sort(server, ctx, backend);
}

/**
 * A backend group sorts by its own figure where HAProxy has one (sessions, rate, bytes …) and otherwise by the
 * first of its (already sorted) servers, so the group holding the top server comes first.
 */
export function backendSortValue(
  backend: Backend,
  sortedServers: readonly Server[],
  column: Column,
  ctx: ColumnContext,
): SortValue {
  switch (column.id) {
    case 'status':
      return Math.max(
        backendStatusView(backend).severity,
        ...sortedServers.map((s) => serverStatusView(s).severity),
      );
    case 'name':
      return `${backend.instance}\u0000${backend.name}`;
  }
  if (column.backend) return column.backend.sort(backend, ctx, backend);
  const first = sortedServers[0];
  return first ? serverSortValue(first, backend, column, ctx) : null;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Unknown values (null) always sort last, whatever the direction. */
export function compareSortValues(a: SortValue, b: SortValue, dir: SortDir): number {
  if (a === b) return 0;
  if (a === null || b === null) return a === null ? 1 : -1;
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

/**
 * Columns whose order comes from what a row is and its state, never from a figure (NUMERIC_PATHS) or the context:
 * rows sorted by one stay in order while the snapshot's shape does. Any other column's order may move each poll.
 */
const SHAPE_SORTS: ReadonlySet<SortColumn> = new Set(['status', 'name', 'role', 'address', 'node', 'pool']);

export function sortsByFigure(sort: SortColumn | null): boolean {
  return sort !== null && !SHAPE_SORTS.has(sort);
}
