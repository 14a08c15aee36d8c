'use client';

import useSWR from 'swr';
import type { PoolsDto } from '@/lib/api/pools-dto';
import { poolsUrl } from '@/lib/api/urls';
import { fetchJson } from './fetch-json';

/**
 * Kubernetes changes arrive by watch, so a second is as fresh as the view can usefully be. Every reader on a page
 * keeps its own timer; deduplicating for most of an interval makes them share one request per interval instead of
 * one each.
 */
const POOLS_REFRESH_MS = 1000;

/** GET /api/v1/pools, shared by the pool pages and the pool embeds (the overview's matrix reads it in its worker). */
export function usePools({ refreshMs = POOLS_REFRESH_MS }: { refreshMs?: number } = {}) {
  return useSWR<PoolsDto, Error>(poolsUrl(), fetchJson, {
    refreshInterval: refreshMs,
    keepPreviousData: true,
    dedupingInterval: Math.round(refreshMs * 0.75),
  });
}
