'use client';

import useSWR from 'swr';
import type { HistoryDto } from '@/lib/api/history-dto';
import { serverHistoryUrl, type HistoryRange } from '@/lib/api/urls';
import type { ServerRef } from '@/lib/health/server-key';
import { fetchJson } from './fetch-json';
import { refreshMsFor } from './range-pace';

export interface ServerHistoryOptions {
  buckets?: number;
  /** Overrides the range's own refresh pace (an embed's `refresh`). */
  refreshMs?: number;
}

/** One server's samples and transitions; a preset goes as `range=`, so the server slides the window itself. */
export function useServerHistory(
  ref: ServerRef | null,
  range: HistoryRange,
  { buckets = 0, refreshMs }: ServerHistoryOptions = {},
) {
  return useSWR<HistoryDto, Error>(ref && serverHistoryUrl(ref, range, buckets), fetchJson, {
    refreshInterval: refreshMs ?? refreshMsFor(range),
    keepPreviousData: true,
  });
}
