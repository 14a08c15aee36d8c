'use client';

import useSWR from 'swr';
import type { UptimeDto } from '@/lib/api/history-dto';
import { rangeKey, rangeToApiParams, refreshMsFor, type HistoryRange } from '../panels/history/history-query';
import { fetchJson } from './fetch-json';

export interface UptimeOptions {
  /** Uptime-bar cells per server and backend; 0 for figures only. */
  buckets?: number;
  /** Overrides the range's own refresh pace (the overview's 24h column refreshes once a minute). */
  refreshMs?: number;
}

/** Uptime of every server, backend and pool over a range; every caller with the same range shares one request. */
export function useUptime(range: HistoryRange, { buckets = 0, refreshMs }: UptimeOptions = {}) {
  return useSWR<UptimeDto, Error>(
    ['uptime', rangeKey(range), buckets],
    () =>
      fetchJson<UptimeDto>(
        `/api/v1/uptime?${rangeToApiParams(range, Date.now())}${buckets ? `&buckets=${buckets}` : ''}`,
      ),
    { refreshInterval: refreshMs ?? refreshMsFor(range), keepPreviousData: true, dedupingInterval: 2000 },
  );
}
