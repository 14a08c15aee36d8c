'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTableQuery, tableQueryToSearch, type TableQuery } from '../panels/server-table/table-query';

/**
 * The server table's search, filter and sort, kept in the URL without adding history entries. Uses
 * history.replaceState, which Next.js syncs into useSearchParams: router.replace would also work but fetches
 * the page's server payload again on every click and delays the re-sort by that round trip.
 */
export function useTableQuery(): [TableQuery, (patch: Partial<TableQuery>) => void] {
  const params = useSearchParams();
  const query = useMemo(() => parseTableQuery(params), [params]);
  const update = useCallback(
    (patch: Partial<TableQuery>) => {
      const search = tableQueryToSearch({ ...query, ...patch }, new URLSearchParams(params.toString()));
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    },
    [params, query],
  );
  return [query, update];
}
