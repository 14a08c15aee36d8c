'use client';

import useSWR from 'swr';
import type { HistoryDto } from '@/lib/api/history-dto';
import { POOLS_URL, type PoolsDto } from '@/lib/api/pools-dto';
import type { LatencySample } from '../panels/pools/latency-series';
import { fetchJson } from './fetch-json';

/** Kubernetes changes arrive by watch, so a second is as fresh as the view can usefully be. */
const POOLS_REFRESH_MS = 1000;
/** A pool's latency chart reads at most this many servers' histories: one request each. */
export const MAX_CHART_SERVERS = 24;

/** GET /api/v1/pools, shared by the matrix, the banner and the pool pages. */
export function usePools() {
  return useSWR<PoolsDto, Error>(POOLS_URL, fetchJson, {
    refreshInterval: POOLS_REFRESH_MS,
    keepPreviousData: true,
    dedupingInterval: 200,
  });
}

export interface ServerKey {
  instance: string;
  backend: string;
  server: string;
}

const historyUrl = (s: ServerKey, from: number, to: number) =>
  `/api/v1/servers/${[s.instance, s.backend, s.server].map(encodeURIComponent).join('/')}/history?from=${from}&to=${to}`;

/**
 * The check-duration samples of a pool's servers over the last `spanMs`, one history request per server (capped
 * at MAX_CHART_SERVERS); a server without history yet counts as empty rather than failing the chart.
 */
export function usePoolLatencyHistory(servers: readonly ServerKey[], spanMs: number, refreshMs: number) {
  const picked = servers.slice(0, MAX_CHART_SERVERS);
  const key = picked.length
    ? ['pool-latency', spanMs, ...picked.map((s) => `${s.instance}/${s.backend}/${s.server}`)]
    : null;
  return useSWR(
    key,
    async () => {
      const to = Date.now();
      const from = to - spanMs;
      const histories = await Promise.all(
        picked.map((s) =>
          fetchJson<HistoryDto>(historyUrl(s, from, to)).then(
            (h) =>
              h.samples.map((x): LatencySample => ({
                at: Date.parse(x.at),
                checkDurationMs: x.checkDurationMs,
                checkMsMax: x.checkMsMax,
              })),
            () => [],
          ),
        ),
      );
      return { from, to, histories, truncated: servers.length > picked.length };
    },
    { refreshInterval: refreshMs, keepPreviousData: true },
  );
}
