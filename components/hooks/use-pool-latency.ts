'use client';

import useSWR from 'swr';
import type { PoolLatencyDto } from '@/lib/api/pools-dto';
import { poolLatencyUrl } from '@/lib/api/urls';
import type { RangePreset } from '@/lib/health/time-range';
import { fetchJson } from './fetch-json';
import { refreshMsFor } from './range-pace';

/** GET /api/v1/pools/{pool}/latency: the pool's check latency over time, binned by the server. */
export function usePoolLatency(pool: string | null, range: RangePreset) {
  return useSWR<PoolLatencyDto, Error>(pool && poolLatencyUrl(pool, range), fetchJson, {
    refreshInterval: refreshMsFor({ kind: 'preset', preset: range }),
    keepPreviousData: true,
  });
}
