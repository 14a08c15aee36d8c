'use client';

import useSWR from 'swr';
import type { EventsDto } from '@/lib/api/history-dto';
import { eventsUrl, type HistoryFilter, type HistoryRange } from '@/lib/api/urls';
import { fetchJson } from './fetch-json';
import { refreshMsFor } from './range-pace';

/** State changes and downtimes over a range, newest first; the filter is applied by the API. */
export function useEvents(
  range: HistoryRange,
  { limit = 500, filter }: { limit?: number; filter?: HistoryFilter } = {},
) {
  return useSWR<EventsDto, Error>(eventsUrl(range, { limit, filter }), fetchJson, {
    refreshInterval: refreshMsFor(range),
    keepPreviousData: true,
  });
}
