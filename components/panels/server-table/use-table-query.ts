'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTableQuery, tableQueryToSearch, type TableQuery } from './table-query';

/**
 * The server table's search, filter and sort, kept in the URL without adding history entries. Uses
 * history.replaceState, which Next.js syncs into useSearchParams: router.replace would also work but fetches
 * the page's server payload again on every change and delays the re-sort by that round trip.
 */
export function useTableQuery(): [TableQuery, (patch: Partial<TableQuery>) => void] {
  const params = useSearchParams();
  const query = useMemo(() => parseTableQuery(params), [params]);
  const update = useCallback((patch: Partial<TableQuery>) => {
    // Merge into the URL as it is now: quick successive changes must not undo each other.
    const current = new URLSearchParams(window.location.search);
    const search = tableQueryToSearch({ ...parseTableQuery(current), ...patch }, current);
    window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, []);
  return [query, update];
}
