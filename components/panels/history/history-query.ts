/**
 * The history views' URL state: `?range=24h&server=agent1` or `?from=…&to=…`, and how a range becomes an API query.
 * Pure: `now` is a parameter.
 */
import { parseInstant } from '@/lib/health/time-range';

export const RANGE_OPTIONS = ['1h', '6h', '24h', '7d', '30d'] as const;
export type RangeOption = (typeof RANGE_OPTIONS)[number];

const SPAN_MS: Record<RangeOption, number> = {
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};
/** The presets the API takes as `range=`; 6h goes as from/to. */
const API_PRESETS: ReadonlySet<RangeOption> = new Set(['1h', '24h', '7d', '30d']);

export type HistoryRange =
  { kind: 'preset'; preset: RangeOption } | { kind: 'custom'; from: number; to: number };

export interface HistoryQuery {
  range: HistoryRange;
  server: string | null;
}

interface Params {
  get(name: string): string | null;
}

const isOption = (value: string | null): value is RangeOption =>
  value !== null && (RANGE_OPTIONS as readonly string[]).includes(value);

export function parseHistoryRange(params: Params, fallback: RangeOption = '24h'): HistoryRange {
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

export function parseHistoryQuery(params: Params, fallback: RangeOption = '24h'): HistoryQuery {
  const server = params.get('server');
  return { range: parseHistoryRange(params, fallback), server: server ? server : null };
}

/** The query string for `query`, keeping any other parameters of `current`; "" when nothing is left. */
export function historyQueryToSearch(
  query: HistoryQuery,
  current: URLSearchParams,
  fallback = '24h',
): string {
  const params = new URLSearchParams(current);
  for (const name of ['range', 'from', 'to', 'server']) params.delete(name);
  if (query.range.kind === 'custom') {
    params.set('from', new Date(query.range.from).toISOString());
    params.set('to', new Date(query.range.to).toISOString());
  } else if (query.range.preset !== fallback) {
    params.set('range', query.range.preset);
  }
  if (query.server) params.set('server', query.server);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function rangeInterval(range: HistoryRange, now: number): { from: number; to: number } {
  return range.kind === 'custom'
    ? { from: range.from, to: range.to }
    : { from: now - SPAN_MS[range.preset], to: now };
}

/** `range=1h` for the API's presets; from/to (epoch ms) otherwise. */
export function rangeToApiParams(range: HistoryRange, now: number): string {
  if (range.kind === 'preset' && API_PRESETS.has(range.preset)) return `range=${range.preset}`;
  const { from, to } = rangeInterval(range, now);
  return `from=${Math.round(from)}&to=${Math.round(to)}`;
}

/** A stable cache key: presets slide with the clock, custom ranges do not. */
export function rangeKey(range: HistoryRange): string {
  return range.kind === 'custom' ? `${range.from}-${range.to}` : range.preset;
}

export function rangeSpanMs(range: HistoryRange): number {
  return range.kind === 'custom' ? range.to - range.from : SPAN_MS[range.preset];
}

/** Uptime-bar cells per range: about one per minute for 1h, up to hours for 30d; a custom range gets 60. */
export function bucketCountFor(range: HistoryRange): number {
  if (range.kind === 'custom') return 60;
  return { '1h': 60, '6h': 72, '24h': 96, '7d': 84, '30d': 90 }[range.preset];
}

/** Sliding ranges refresh about as often as their finest detail changes; a fixed custom range does not. */
export function refreshMsFor(range: HistoryRange): number {
  if (range.kind === 'custom') return 0;
  return { '1h': 5_000, '6h': 15_000, '24h': 30_000, '7d': 60_000, '30d': 60_000 }[range.preset];
}
