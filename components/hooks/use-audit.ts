'use client';

import { auditUrl } from '@/lib/api/urls';
import useSWRInfinite from 'swr/infinite';
import type { AuditEntryDto } from '@/lib/api/schemas/access';
import { fetchJson } from './fetch-json';

export const AUDIT_PAGE = 100;

type AuditPage = { entries: AuditEntryDto[] };

/** The page after `previous`: entries older than its last; none once a page came back short. */
export function auditPageKey(index: number, previous: AuditPage | null, limit = AUDIT_PAGE): string | null {
  if (index === 0) return auditUrl(limit);
  const last = previous?.entries.at(-1);
  if (!previous || previous.entries.length < limit || !last) return null;
  return auditUrl(limit, last.seq);
}

/** GET /api/v1/audit, newest first, a page at a time ("Load more" asks for the entries before the last seq). */
export function useAudit() {
  const pages = useSWRInfinite<AuditPage, Error>(
    (index, previous: AuditPage | null) => auditPageKey(index, previous),
    fetchJson,
    {
      revalidateFirstPage: true,
      revalidateAll: false,
    },
  );
  const entries = pages.data?.flatMap((page) => page.entries) ?? [];
  const lastPage = pages.data?.at(-1);
  const more = lastPage ? lastPage.entries.length === AUDIT_PAGE : false;
  const loadingMore = pages.size > (pages.data?.length ?? 0);
  return {
    entries,
    error: pages.error,
    isLoading: pages.isLoading,
    more,
    loadingMore,
    loadMore: () => void pages.setSize(pages.size + 1),
    refresh: () => void pages.mutate(),
  };
}
