'use client';

import useSWR from 'swr';
import type { BackendHistoryDto } from '@/lib/api/history-dto';
import { backendHistoryUrl, type BackendRef, type HistoryRange } from '@/lib/api/urls';
import { fetchJson } from './fetch-json';
import { refreshMsFor } from './range-pace';

/** One backend's own series (its HAProxy row); a preset goes as `range=`, so the server slides the window. */
export function useBackendHistory(
  ref: BackendRef | null,
  range: HistoryRange,
  { refreshMs }: { refreshMs?: number } = {},
) {
  return useSWR<BackendHistoryDto, Error>(ref && backendHistoryUrl(ref, range), fetchJson, {
    refreshInterval: refreshMs ?? refreshMsFor(range),
    keepPreviousData: true,
  });
}
