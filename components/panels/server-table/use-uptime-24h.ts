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
export function useUptime24h(): {
  byKey: ReadonlyMap<string, number | null> | null;
  uptimeOf: (key: string) => number | null | undefined;
} {
  const { data } = useUptime(RANGE_24H, { refreshMs: REFRESH_MS });
  return useMemo(() => {
    if (!data) return { byKey: null, uptimeOf: () => undefined };
    const byKey = new Map<string, number | null>();
    for (const s of data.servers) byKey.set(serverKey(s), s.uptimePct);
    for (const b of data.backends) byKey.set(backendKey(b.instance, b.backend), b.uptimePct);
    return { byKey, uptimeOf: (key: string) => byKey.get(key) };
  }, [data]);
}
