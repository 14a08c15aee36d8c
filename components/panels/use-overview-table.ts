'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { backendKey, serverKey } from '@/lib/health/server-key';
import type { ServerAgreement } from '@/lib/health/view-agreement';
import { useSlashFocus } from '../hooks/use-slash-focus';
import { overviewClient, type PageView } from './live-overview/overview-client';
import type { RowRange, RowWindow, WindowRow } from './live-overview/overview-view';
import type { AbnormalThresholds } from './server-table/abnormal';
import { visibleColumns, withColumns, type ColumnChoice } from './server-table/column-choice';
import type { AgeField, ColumnContext, ProxyRow } from './server-table/column-readings';
import type { ColumnId } from './server-table/columns';
import type { SortColumn } from './server-table/sort';
import { nextSort } from './server-table/table-query';
import { useTableQuery } from './server-table/use-table-query';

const NO_ROWS: RowWindow = { count: 0, start: 0, rows: [] };

/**
 * The overview table's state: search, problems-only, sort, the columns and collapsed backends, kept in the URL
 * where a shared link should carry them. The rows themselves are the worker's (overview-model.ts): the page sends it
 * the query and the rows it shows, and renders the window of rows it gets back.
 */
export function useOverviewTable(view: PageView | null, thresholds: AbnormalThresholds) {
  const client = overviewClient();
  const [query, setQuery] = useTableQuery();
  const [search, setSearch] = useState(query.q);
  // Like the search, the columns change at once; the URL (which Next.js syncs in a transition) follows.
  const [cols, setCols] = useState<ColumnChoice>(query.cols);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  useEffect(() => client.send({ kind: 'thresholds', thresholds }), [client, thresholds]);
  const { problems, sort, dir } = query;
  useEffect(() => client.setQuery({ q: search, problems, sort, dir }), [client, search, problems, sort, dir]);
  useEffect(() => () => client.showRows(null), [client]);

  const rows = view?.window ?? NO_ROWS;
  const ctx = useMemo(() => cellContext(rows.rows, thresholds), [rows, thresholds]);
  const kubernetes = view?.kubernetes ?? false;
  const columns = useMemo(() => visibleColumns(cols, kubernetes), [cols, kubernetes]);
  const onRows = useCallback((visible: RowRange) => client.showRows(visible), [client]);
  const toggleBackend = useCallback((key: string) => client.send({ kind: 'toggle', key }), [client]);
  // Stable: the toolbar and the column chooser are drawn again only when what they show changed, not each poll.
  const onSearch = useCallback(
    (value: string) => {
      setSearch(value);
      setQuery({ q: value });
    },
    [setQuery],
  );
  const clearFilters = useCallback(() => {
    setSearch('');
    setQuery({ q: '', problems: false });
  }, [setQuery]);
  const onProblemsOnly = useCallback((on: boolean) => setQuery({ problems: on }), [setQuery]);
  const onSort = useCallback((column: SortColumn) => setQuery((now) => nextSort(now, column)), [setQuery]);
  const collapseAll = useCallback(() => client.send({ kind: 'collapse-all', collapsed: true }), [client]);
  const expandAll = useCallback(() => client.send({ kind: 'collapse-all', collapsed: false }), [client]);
  // Stable while the columns are: the column chooser (a list of every column) is not drawn again each poll.
  // Hiding the sorted column stops sorting by it: no order should come from a column no one can see.
  const onColumns = useCallback(
    (ids: readonly ColumnId[], on: boolean) => {
      const next = withColumns(cols, ids, on, kubernetes);
      setCols(next);
      setQuery((now) => ({
        cols: next,
        ...(!on && now.sort && ids.includes(now.sort) ? { sort: null } : {}),
      }));
    },
    [cols, kubernetes, setQuery],
  );
  const onResetColumns = useCallback(() => {
    setCols(null);
    const shown = new Set<string>(visibleColumns(null, kubernetes).map((c) => c.id));
    setQuery((now) => ({ cols: null, ...(now.sort && !shown.has(now.sort) ? { sort: null } : {}) }));
  }, [kubernetes, setQuery]);

  return {
    query,
    search,
    /** The search the rows shown were filtered by (the worker's answer may trail the typing by a moment). */
    searchShown: view?.query.q ?? search,
    searchRef,
    columns,
    ctx,
    rows,
    onRows,
    shownServers: view?.shownServers ?? 0,
    tableServers: view?.tableServers ?? 0,
    toggleBackend,
    onSearch,
    clearFilters,
    onProblemsOnly,
    onSort,
    columnsAreDefault: cols === null,
    onColumns,
    onResetColumns,
    collapseAll,
    expandAll,
  };
}

/**
 * What cells read beside their row, for the rows of the window: the thresholds, and what the worker computed for
 * each row (its ages now, its 24h uptime, what load balancers disagree about it).
 */
export function cellContext(rows: readonly WindowRow[], thresholds: AbnormalThresholds): ColumnContext {
  const ages = new Map<ProxyRow, WindowRow['ages']>();
  const uptime = new Map<string, number | null | undefined>();
  const disagreements = new Map<string, ServerAgreement>();
  for (const { backend, server, ages: rowAges, disagreement, uptimePct } of rows) {
    ages.set(server ?? backend, rowAges);
    uptime.set(
      server
        ? serverKey({ instance: backend.instance, backend: backend.name, server: server.name })
        : backendKey(backend.instance, backend.name),
      uptimePct,
    );
    if (server && disagreement)
      disagreements.set(`${backend.instance}/${backend.name}/${server.name}`, disagreement);
  }
  return {
    thresholds,
    uptimeOf: (key) => uptime.get(key),
    disagreementOf: (instance, backend, server) =>
      disagreements.get(`${instance}/${backend}/${server}`) ?? null,
    ageOf: (row: ProxyRow, _instance: string, field: AgeField) => {
      const held = ages.get(row);
      return held ? held[field === 'lastChangeSec' ? 0 : 1] : row[field];
    },
  };
}
