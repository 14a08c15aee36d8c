'use client';

import { apiTokensUrl } from '@/lib/api/urls';
import useSWR from 'swr';
import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { fetchJson } from './fetch-json';

/** GET /api/v1/tokens (admins); re-read each minute, so "last used" and expiries stay current. */
export function useApiTokens() {
  return useSWR<{ tokens: ApiTokenDto[] }, Error>(apiTokensUrl(), fetchJson, {
    keepPreviousData: true,
    refreshInterval: 60_000,
  });
}
