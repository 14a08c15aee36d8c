'use client';

import useSWR from 'swr';
import type { RoutesDto } from '@/lib/api/routes-dto';
import { routesUrl } from '@/lib/api/urls';
import { fetchJson } from './fetch-json';

/** Kubernetes changes arrive by watch: refreshed as often as the pools view. */
const ROUTES_REFRESH_MS = 1000;

/** GET /api/v1/routes?backend=: one backend's IngressRoutes and serving pools, not the whole pools response. */
export function useRoutes(backend: string) {
  return useSWR<RoutesDto, Error>(routesUrl(backend), fetchJson, {
    refreshInterval: ROUTES_REFRESH_MS,
    keepPreviousData: true,
  });
}
