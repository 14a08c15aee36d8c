'use client';

import useSWR from 'swr';
import type { ShareLinkDto } from '@/lib/api/schemas/access';
import { fetchJson } from './fetch-json';

export const shareLinksUrl = () => '/api/v1/shares';
export const shareLinkUrl = (id: string) => `${shareLinksUrl()}/${encodeURIComponent(id)}`;

/** GET /api/v1/shares (admins); re-read each minute, so "last used" and expiries stay current. */
export function useShareLinks() {
  return useSWR<{ shares: ShareLinkDto[] }, Error>(shareLinksUrl(), fetchJson, {
    keepPreviousData: true,
    refreshInterval: 60_000,
  });
}
