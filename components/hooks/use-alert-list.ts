'use client';

import useSWR from 'swr';
import type { AlertsDto } from '@/lib/api/alerts-dto';
import { alertsUrl } from '@/lib/api/urls';
import { fetchJson } from './fetch-json';

export interface AlertListOptions {
  /** 0: read only on mount and when asked (mutate), as the dashboard does when its stream (re)opens. */
  refreshMs: number;
  /** Every list this hook's own requests bring back. */
  onList?: (list: AlertsDto) => void;
}

/** GET /api/v1/alerts: polled by embeds, re-read on each stream (re)open by the dashboard's AlertsProvider. */
export function useAlertList({ refreshMs, onList }: AlertListOptions) {
  return useSWR<AlertsDto, Error>(alertsUrl(), fetchJson, {
    refreshInterval: refreshMs,
    keepPreviousData: true,
    dedupingInterval: 200,
    onSuccess: onList,
  });
}
