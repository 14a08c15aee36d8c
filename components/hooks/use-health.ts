'use client';

import { healthUrl } from '@/lib/api/urls';
import useSWR from 'swr';
import type { HealthDto } from '@/lib/api/schemas/health';
import { fetchJson } from './fetch-json';

/** Open without sign-in (api-v1.md), so every page, signed in or not, may ask. */
/** The default poll interval: a fault shows within a poll or two, and health is cheap to answer. */
const HEALTH_REFRESH_MS = 2000;

/** GET /api/v1/health: hapscope's own faults (the history store, Kubernetes, sign-in), shared by every banner. */
export function useHealth() {
  return useSWR<HealthDto, Error>(healthUrl(), fetchJson, {
    refreshInterval: HEALTH_REFRESH_MS,
    keepPreviousData: true,
    dedupingInterval: 200,
  });
}
