'use client';

import { useMemo } from 'react';
import type { HistoryRange } from '@/lib/api/urls';
import { backendKey, serverKey } from '@/lib/health/server-key';
import { useUptime } from '../../hooks/use-uptime';

const RANGE_24H: HistoryRange = { kind: 'preset', preset: '24h' };
/** Uptime over a day barely moves between polls: once a minute is plenty. */
const REFRESH_MS = 60_000;

/**
 * The 24h uptime of every server and backend, fetched once for the whole table: a lookup by server or backend
 * key (lib/health/server-key), so the uptime column reads, and sorts, like any other.
 */
export function useUptime24h(): (key: string) => number | null | undefined {
  const { data } = useUptime(RANGE_24H, { refreshMs: REFRESH_MS });
  return useMemo(() => {
    const map = new Map<string, number | null>();
    for (const s of data?.servers ?? []) map.set(serverKey(s), s.uptimePct);
    for (const b of data?.backends ?? []) map.set(backendKey(b.instance, b.backend), b.uptimePct);
    return (key: string) => map.get(key);
  }, [data]);
}
