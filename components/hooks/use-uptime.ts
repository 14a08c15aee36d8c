'use client';

import useSWR from 'swr';
import type { UptimeDto } from '@/lib/api/history-dto';
import { uptimeUrl, type HistoryFilter, type HistoryRange } from '@/lib/api/urls';
import { fetchJsonIfChanged } from './fetch-json';
import { refreshMsFor } from './range-pace';

export interface UptimeOptions {
  /** Uptime-bar cells per server and backend; 0 for figures only. */
  buckets?: number;
  /** One backend (its row and servers) or one pool (its row and servers); everything when absent. */
  filter?: Omit<HistoryFilter, 'server'>;
  /** Overrides the range's own refresh pace (an embed's `refresh`, the overview's once a minute). */
  refreshMs?: number;
}

const fetchUptime = async (url: string) => (await fetchJsonIfChanged<UptimeDto>(url)).data;

/**
 * Uptime over a range; keyed by its URL, so every caller asking the same question shares one request. Answers are
 * tagged per poll: an unchanged one comes back 304 as the object already held.
 */
export function useUptime(range: HistoryRange, { buckets = 0, filter, refreshMs }: UptimeOptions = {}) {
  return useSWR<UptimeDto, Error>(uptimeUrl(range, { buckets, filter }), fetchUptime, {
    refreshInterval: refreshMs ?? refreshMsFor(range),
    keepPreviousData: true,
    dedupingInterval: 2000,
  });
}
