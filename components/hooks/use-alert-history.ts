'use client';

import useSWR from 'swr';
import type { AlertHistoryDto } from '@/lib/api/schemas/alerts';
import { fetchJson } from './fetch-json';

export const alertHistoryUrl = (id: string) => `/api/v1/alerts/${encodeURIComponent(id)}/history`;

/**
 * GET /api/v1/alerts/{id}/history once `open` (the alert's details were opened): changes from before this page
 * was loaded, with who made them. Later changes arrive through the stream.
 */
export function useAlertHistory(id: string, open: boolean) {
  return useSWR<AlertHistoryDto, Error>(open ? alertHistoryUrl(id) : null, fetchJson, {
    revalidateOnFocus: false,
  });
}
