'use client';

import { useMemo } from 'react';
import type { HistoryRange } from '@/lib/api/urls';
import type { UptimeDto } from '@/lib/api/history-dto';
import { bucketCountFor } from '../../hooks/range-pace';
import { useUptime } from '../../hooks/use-uptime';
import type { FigureRange, ServerUptimeListProps } from './server-uptime-list';

const preset = (p: FigureRange): HistoryRange => ({ kind: 'preset', preset: p });
const RANGES = {
  '1h': preset('1h'),
  '24h': preset('24h'),
  '7d': preset('7d'),
  '30d': preset('30d'),
} as const;

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

/**
 * One backend's uptime over `range`, for its bars. The same hook with `range` 1h/24h/7d/30d feeds the figures:
 * asked with the bars' own cell count, the figure of the selected range is the bars' request, not a second one.
 */
export function useBackendUptime(instance: string, backend: string, range: HistoryRange) {
  return useUptime(range, { buckets: bucketCountFor(range), filter: { instance, backend } });
}

/** The backend page's fixed 1h/24h/7d/30d figures: four requests for that backend only. */
export function useUptimeFigures(instance: string, backend: string): ServerUptimeListProps['figures'] {
  const h1 = useBackendUptime(instance, backend, RANGES['1h']).data;
  const h24 = useBackendUptime(instance, backend, RANGES['24h']).data;
  const d7 = useBackendUptime(instance, backend, RANGES['7d']).data;
  const d30 = useBackendUptime(instance, backend, RANGES['30d']).data;
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
