'use client';

import useSWR from 'swr';
import type { EventsDto } from '@/lib/api/history-dto';
import { rangeKey, rangeToApiParams, refreshMsFor, type HistoryRange } from '../panels/history/history-query';
import { fetchJson } from './fetch-json';

/** State changes and downtimes over a range, newest first. */
export function useEvents(range: HistoryRange, limit = 500) {
  return useSWR<EventsDto, Error>(
    ['events', rangeKey(range), limit],
    () => fetchJson<EventsDto>(`/api/v1/events?${rangeToApiParams(range, Date.now())}&limit=${limit}`),
    { refreshInterval: refreshMsFor(range), keepPreviousData: true },
  );
}
