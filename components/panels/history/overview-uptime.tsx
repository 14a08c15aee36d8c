'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useUptime } from '../../hooks/use-uptime';
import { formatPct } from '../../ui/format';
import type { HistoryRange } from '@/lib/api/urls';
import { backendKey, serverKey, type ServerRef } from '@/lib/health/server-key';

const RANGE_24H: HistoryRange = { kind: 'preset', preset: '24h' };
/** Uptime over a day barely moves between polls: once a minute is plenty. */
const REFRESH_MS = 60_000;

type Lookup = ReadonlyMap<string, number | null>;
const UptimeContext = createContext<Lookup | null>(null);

/** Fetches the 24h uptime once for the whole overview table; cells read it through context. */
export function Uptime24hProvider({ children }: { children: ReactNode }) {
  const { data } = useUptime(RANGE_24H, { refreshMs: REFRESH_MS });
  const lookup = useMemo(() => {
    if (!data) return null;
    const map = new Map<string, number | null>();
    for (const s of data.servers) map.set(serverKey(s), s.uptimePct);
    for (const b of data.backends) map.set(backendKey(b.instance, b.backend), b.uptimePct);
    return map;
  }, [data]);
  return <UptimeContext.Provider value={lookup}>{children}</UptimeContext.Provider>;
}

function Figure({ pct }: { pct: number | null | undefined }) {
  return (
    <span
      className="num"
      data-testid="uptime-24h"
      title="Uptime over the last 24 hours (planned time left out)"
    >
      {formatPct(pct)}
    </span>
  );
}

export function ServerUptime24h(ref: ServerRef) {
  const lookup = useContext(UptimeContext);
  return <Figure pct={lookup?.get(serverKey(ref))} />;
}

export function BackendUptime24h({ instance, backend }: { instance: string; backend: string }) {
  const lookup = useContext(UptimeContext);
  return <Figure pct={lookup?.get(backendKey(instance, backend))} />;
}
