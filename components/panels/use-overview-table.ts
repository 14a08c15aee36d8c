'use client';

import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Backend } from '@/lib/health/types';
import { useSlashFocus } from '../hooks/use-slash-focus';
import { visibleColumns } from './server-table/columns';
import { backendKey, toTableRows } from './server-table/rows';
import type { SortColumn } from './server-table/sort';
import { nextSort } from './server-table/table-query';
import { useTableQuery } from './server-table/use-table-query';

/**
 * The overview table's state: search (typed at once, filtered deferred), problems-only, sort and collapsed
 * backends, kept in the URL where a shared link should carry them; and the rows and columns they give.
 */
export function useOverviewTable(backends: readonly Backend[]) {
  const [query, setQuery] = useTableQuery();
  const [search, setSearch] = useState(query.q);
  const deferredSearch = useDeferredValue(search);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const columns = useMemo(() => {
    const servers = backends.flatMap((b) => b.servers);
    return visibleColumns({ node: servers.some((s) => s.node), pool: servers.some((s) => s.pool) });
  }, [backends]);
  const rows = useMemo(
    () => toTableRows(backends, { ...query, q: deferredSearch }, collapsed),
    [backends, query, deferredSearch, collapsed],
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
    onSort: (column: SortColumn) => setQuery(nextSort(query, column)),
    collapseAll: () => setCollapsed(new Set(backends.map(backendKey))),
    expandAll: () => setCollapsed(new Set()),
  };
}
