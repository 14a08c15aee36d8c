'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTableQuery, tableQueryToSearch, type TableQuery } from './table-query';

type Patch = Partial<TableQuery> | ((current: TableQuery) => Partial<TableQuery>);

/**
 * The server table's search, filter, sort and columns, kept in the URL without adding history entries. Uses
 * history.replaceState, which Next.js syncs into useSearchParams: router.replace would also work but fetches
 * the page's server payload again on every change and delays the re-sort by that round trip.
 */
export function useTableQuery(): [TableQuery, (patch: Patch) => void] {
  const params = useSearchParams();
  const query = useMemo(() => parseTableQuery(params), [params]);
  const update = useCallback((patch: Patch) => {
    // Merge into the URL as it is now: quick successive changes must not undo each other.
    const current = new URLSearchParams(window.location.search);
    const now = parseTableQuery(current);
    const search = tableQueryToSearch(
      { ...now, ...(typeof patch === 'function' ? patch(now) : patch) },
      current,
    );
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, []);
  return [query, update];
}
