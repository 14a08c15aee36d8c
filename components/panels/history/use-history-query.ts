'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { pageSearch } from '@/lib/api/urls';
import type { RangePreset } from '@/lib/health/time-range';
import { parseHistoryQuery, type HistoryQuery } from './history-query';

/**
 * Range, custom from/to and selected server, kept in the URL with history.replaceState (Next.js syncs it into
 * useSearchParams): no history entry per click and no server round trip, as the overview's table query does.
 */
export function useHistoryQuery(
  fallback: RangePreset = '24h',
): [HistoryQuery, (patch: Partial<HistoryQuery>) => void] {
  const params = useSearchParams();
  const query = useMemo(() => parseHistoryQuery(params, fallback), [params, fallback]);
  const update = useCallback(
    (patch: Partial<HistoryQuery>) => {
      const current = new URLSearchParams(window.location.search);
      const next = { ...parseHistoryQuery(current, fallback), ...patch };
      const search = pageSearch(next, current, fallback);
      window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    },
    [fallback],
  );
  return [query, update];
}
