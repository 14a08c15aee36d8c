'use client';

import { useMemo } from 'react';
import type { UptimeDto } from '@/lib/api/history-dto';
import { useUptime } from '../../hooks/use-uptime';
import type { HistoryRange } from './history-query';
import type { FigureRange, ServerUptimeListProps } from './server-uptime-list';

const preset = (p: FigureRange): HistoryRange => ({ kind: 'preset', preset: p });
const RANGES = {
  '1h': preset('1h'),
  '24h': preset('24h'),
  '7d': preset('7d'),
  '30d': preset('30d'),
} as const;
const FIGURES_REFRESH_MS = 60_000;

/** Uptime % by server name ('' for the backend itself) within one backend. */
export function figuresOf(dto: UptimeDto | undefined, instance: string, backend: string) {
  if (!dto) return undefined;
  const map = new Map<string, number | null>();
  for (const s of dto.servers)
    if (s.instance === instance && s.backend === backend) map.set(s.server, s.uptimePct);
  const group = dto.backends.find((b) => b.instance === instance && b.backend === backend);
  if (group) map.set('', group.uptimePct);
  return map;
}

/** The backend page's fixed 1h/24h/7d/30d figures, refreshed once a minute. */
export function useUptimeFigures(instance: string, backend: string): ServerUptimeListProps['figures'] {
  const options = { refreshMs: FIGURES_REFRESH_MS };
  const h1 = useUptime(RANGES['1h'], options).data;
  const h24 = useUptime(RANGES['24h'], options).data;
  const d7 = useUptime(RANGES['7d'], options).data;
  const d30 = useUptime(RANGES['30d'], options).data;
  return useMemo(
    () => ({
      '1h': figuresOf(h1, instance, backend),
      '24h': figuresOf(h24, instance, backend),
      '7d': figuresOf(d7, instance, backend),
      '30d': figuresOf(d30, instance, backend),
    }),
    [h1, h24, d7, d30, instance, backend],
  );
}
