/**
 * The history views' URL state: `?range=24h&server=agent1` or `?from=…&to=…`, and the ranges the picker offers
 * (a subset of the one preset table). Pure; the query string itself is built by pageSearch (lib/api/urls).
 */
import type { HistoryRange } from '@/lib/api/urls';
import { parseInstant, rangeSubset, type RangePreset } from '@/lib/health/time-range';

export const RANGE_OPTIONS = rangeSubset(['1h', '6h', '24h', '7d', '30d']);
export type RangeOption = (typeof RANGE_OPTIONS)[number];

export interface HistoryQuery {
  range: HistoryRange;
  server: string | null;
}

interface Params {
  get(name: string): string | null;
}

const isOption = (value: string | null): value is RangeOption =>
  value !== null && (RANGE_OPTIONS as readonly string[]).includes(value);

export function parseHistoryRange(params: Params, fallback: RangePreset = '24h'): HistoryRange {
  const fromText = params.get('from');
  const toText = params.get('to');
  if (fromText !== null && toText !== null) {
    const from = parseInstant(fromText);
    const to = parseInstant(toText);
    if (from !== null && to !== null && from < to) return { kind: 'custom', from, to };
  }
  const preset = params.get('range');
  return { kind: 'preset', preset: isOption(preset) ? preset : fallback };
}

export function parseHistoryQuery(params: Params, fallback: RangePreset = '24h'): HistoryQuery {
  const server = params.get('server');
  return { range: parseHistoryRange(params, fallback), server: server ? server : null };
}
