'use client';

import useSWR from 'swr';
import type { HistoryDto } from '@/lib/api/history-dto';
import { rangeKey, rangeToApiParams, refreshMsFor, type HistoryRange } from '../panels/history/history-query';
import { fetchJson } from './fetch-json';

export interface ServerRef {
  instance: string;
  backend: string;
  server: string;
}

const historyPath = (ref: ServerRef) =>
  `/api/v1/servers/${[ref.instance, ref.backend, ref.server].map(encodeURIComponent).join('/')}/history`;

/** One server's samples and transitions over a range; a sliding range is re-read at its own pace. */
export function useServerHistory(ref: ServerRef | null, range: HistoryRange, buckets = 0) {
  return useSWR<HistoryDto, Error>(
    ref ? ['history', historyPath(ref), rangeKey(range), buckets] : null,
    // The window is computed at fetch time, so a refresh of "last 6 hours" slides with the clock.
    ([, path]: [string, string]) =>
      fetchJson<HistoryDto>(
        `${path}?${rangeToApiParams(range, Date.now())}${buckets ? `&buckets=${buckets}` : ''}`,
      ),
    { refreshInterval: refreshMsFor(range), keepPreviousData: true },
  );
}
