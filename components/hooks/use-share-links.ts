'use client';

import { shareLinksUrl } from '@/lib/api/urls';
import useSWR from 'swr';
import type { ShareLinkDto } from '@/lib/api/schemas/access';
import { fetchJson } from './fetch-json';

/** GET /api/v1/shares (admins); re-read each minute, so "last used" and expiries stay current. */
export function useShareLinks() {
  return useSWR<{ shares: ShareLinkDto[] }, Error>(shareLinksUrl(), fetchJson, {
    keepPreviousData: true,
    refreshInterval: 60_000,
  });
}
