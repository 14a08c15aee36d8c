'use client';

import { alertHistoryUrl } from '@/lib/api/urls';
import useSWR from 'swr';
import type { AlertHistoryDto } from '@/lib/api/schemas/alerts';
import { fetchJson } from './fetch-json';

/**
 * GET /api/v1/alerts/{id}/history once `open` (the alert's details were opened): changes from before this page
 * was loaded, with who made them. Later changes arrive through the stream.
 */
export function useAlertHistory(id: string, open: boolean) {
  return useSWR<AlertHistoryDto, Error>(open ? alertHistoryUrl(id) : null, fetchJson, {
    revalidateOnFocus: false,
  });
}
