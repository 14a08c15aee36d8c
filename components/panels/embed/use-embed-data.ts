'use client';

import useSWR from 'swr';
import type { AlertDto } from '@/lib/api/alerts-dto';
import type { HistoryDto, UptimeDto } from '@/lib/api/history-dto';
import { POOLS_URL, type PoolsDto } from '@/lib/api/pools-dto';
import { SNAPSHOT_URL, type SnapshotDto } from '@/lib/api/snapshot-dto';
import type { EmbedRange } from '@/lib/embeds/embed-params';
import { fetchJson } from '../../hooks/fetch-json';
import { rangeToApiParams } from '../history/history-query';

/**
 * The embeds' data, each refreshed at the embed's own `refresh` (the dashboard's hooks fix their own pace).
 * Same API routes as the dashboard: an embed sees nothing the dashboard does not.
 */
const options = (refreshMs: number) => ({
  refreshInterval: refreshMs,
  keepPreviousData: true,
  dedupingInterval: 200,
});

export const useEmbedSnapshot = (refreshMs: number) =>
  useSWR<SnapshotDto, Error>(SNAPSHOT_URL, fetchJson, options(refreshMs));

export const useEmbedPools = (refreshMs: number) =>
  useSWR<PoolsDto, Error>(POOLS_URL, fetchJson, options(refreshMs));

export const useEmbedAlerts = (refreshMs: number) =>
  useSWR<{ alerts: AlertDto[] }, Error>('/api/v1/alerts', fetchJson, options(refreshMs));

const preset = (range: EmbedRange) => ({ kind: 'preset', preset: range }) as const;

export function useEmbedUptime(range: EmbedRange, buckets: number, refreshMs: number) {
  return useSWR<UptimeDto, Error>(
    ['embed-uptime', range, buckets],
    () =>
      fetchJson<UptimeDto>(
        `/api/v1/uptime?${rangeToApiParams(preset(range), Date.now())}&buckets=${buckets}`,
      ),
    options(refreshMs),
  );
}

export function useEmbedHistory(
  ref: { instance: string; backend: string; server: string },
  range: EmbedRange,
  refreshMs: number,
) {
  const path = `/api/v1/servers/${[ref.instance, ref.backend, ref.server].map(encodeURIComponent).join('/')}/history`;
  return useSWR<HistoryDto, Error>(
    ['embed-history', path, range],
    // The window is computed at fetch time, so "the last hour" slides with the clock.
    () => fetchJson<HistoryDto>(`${path}?${rangeToApiParams(preset(range), Date.now())}`),
    options(refreshMs),
  );
}
