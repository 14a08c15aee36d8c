'use client';

import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { InstanceDto } from '@/lib/api/snapshot-dto';
import type { Backend } from '@/lib/health/types';
import { useSlashFocus } from '../hooks/use-slash-focus';
import { useValueAsOf } from '../hooks/use-value-as-of';
import type { AbnormalThresholds } from './server-table/abnormal';
import { visibleColumns, withColumns, type ColumnChoice } from './server-table/column-choice';
import type { ColumnContext } from './server-table/column-readings';
import type { ColumnId } from './server-table/columns';
import { backendKey, toTableRows } from './server-table/rows';
import { sortsByFigure, type SortColumn } from './server-table/sort';
import { nextSort } from './server-table/table-query';
import { useTableQuery } from './server-table/use-table-query';
import { useUptime24h } from './server-table/use-uptime-24h';
import { disagreementLookup } from './server-table/view-disagreement';

/**
 * The backends of the latest poll, and as they were when the layout (rows came, went, moved) and the shape (that,
 * or a state, an address) last changed: what depends on less than every figure is computed from the older ones.
 */
export interface BackendsAsOf {
  now: readonly Backend[];
  shape: readonly Backend[];
  layout: readonly Backend[];
}

/**
 * The overview table's state: search (typed at once, filtered deferred), problems-only, sort, the columns and
 * collapsed backends, kept in the URL where a shared link should carry them; and the rows and columns they give.
 * Filter and sort (O(n log n)) run only when what they read changed: every poll when sorted by a figure, with the
 * shape when filtered or sorted by state or name, with the layout otherwise. Rendering touches only visible rows.
 */
export function useOverviewTable(
  backends: BackendsAsOf,
  thresholds: AbnormalThresholds,
  instances: readonly InstanceDto[] = [],
  ageOf?: ColumnContext['ageOf'],
) {
  const [query, setQuery] = useTableQuery();
  const [search, setSearch] = useState(query.q);
  const deferredSearch = useDeferredValue(search);
  // Like the search, the columns change at once; the URL (which Next.js syncs in a transition) follows.
  const [cols, setCols] = useState<ColumnChoice>(query.cols);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const uptimeOf = useUptime24h();
  // The sources' times change every poll; the views only when a source fails, recovers or is found the same.
  const views = useValueAsOf(instances, viewsKey(instances));
  const disagreementOf = useMemo(() => disagreementLookup(views, backends.shape), [views, backends.shape]);
  const ctx = useMemo<ColumnContext>(
    () => ({ thresholds, uptimeOf, disagreementOf, ageOf }),
    [thresholds, uptimeOf, disagreementOf, ageOf],
  );
  const kubernetes = useMemo(
    () => backends.shape.some((b) => b.servers.some((s) => s.node || s.pool)),
    [backends.shape],
  );
  const columns = useMemo(() => visibleColumns(cols, kubernetes), [cols, kubernetes]);
  const byFigure = sortsByFigure(query.sort);
  const readsStates = query.sort !== null || query.problems || deferredSearch !== '';
  const rowsFrom = byFigure ? backends.now : readsStates ? backends.shape : backends.layout;
  // Sorted by state or name, or not at all, the rows read nothing of the context: keep it as of their backends.
  const ctxAsOfRows = useValueAsOf(ctx, rowsFrom);
  const sortCtx = byFigure ? ctx : ctxAsOfRows;
  const rows = useMemo(
    () => toTableRows(rowsFrom, { ...query, q: deferredSearch }, sortCtx, collapsed),
    [rowsFrom, query, deferredSearch, sortCtx, collapsed],
  );
  const shownServers = useMemo(
    () => rows.reduce((n, r) => n + (r.kind === 'backend' ? r.matching : 0), 0),
    [rows],
  );
  const toggleBackend = useCallback((key: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);

  return {
    query,
    search,
    deferredSearch,
    searchRef,
    columns,
    ctx,
    rows,
    shownServers,
    toggleBackend,
    onSearch: (value: string) => {
      setSearch(value);
      setQuery({ q: value });
    },
    clearFilters: () => {
      setSearch('');
      setQuery({ q: '', problems: false });
    },
    onProblemsOnly: (problems: boolean) => setQuery({ problems }),
    onSort: (column: SortColumn) => setQuery((now) => nextSort(now, column)),
    columnsAreDefault: cols === null,
    // Hiding the sorted column stops sorting by it: no order should come from a column no one can see.
    onColumns: (ids: readonly ColumnId[], on: boolean) => {
      const next = withColumns(cols, ids, on, kubernetes);
      setCols(next);
      setQuery((now) => ({
        cols: next,
        ...(!on && now.sort && ids.includes(now.sort) ? { sort: null } : {}),
      }));
    },
    onResetColumns: () => {
      setCols(null);
      const shown = new Set<string>(visibleColumns(null, kubernetes).map((c) => c.id));
      setQuery((now) => ({ cols: null, ...(now.sort && !shown.has(now.sort) ? { sort: null } : {}) }));
    },
    collapseAll: () => setCollapsed(new Set(backends.layout.map(backendKey))),
    expandAll: () => setCollapsed(new Set()),
  };
}

/** What of the sources the disagreement between load balancers depends on: which answered, are counted, are one. */
const viewsKey = (instances: readonly InstanceDto[]) =>
  instances.map((i) => [i.name, i.ok, i.counted, i.sameProcessAs.join(',')].join('|')).join('\n');
