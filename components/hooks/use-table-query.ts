'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseTableQuery, tableQueryToSearch, type TableQuery } from '../panels/server-table/table-query';

/** The server table's search, filter and sort, kept in the URL with router.replace (no history entries). */
export function useTableQuery(): [TableQuery, (patch: Partial<TableQuery>) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const query = useMemo(() => parseTableQuery(params), [params]);
  const update = useCallback(
    (patch: Partial<TableQuery>) => {
      const search = tableQueryToSearch({ ...query, ...patch }, new URLSearchParams(params.toString()));
      router.replace(`${pathname}${search}`, { scroll: false });
    },
    [params, pathname, query, router],
  );
  return [query, update];
}
