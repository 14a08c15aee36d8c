/**
 * Time ranges: the one preset table (`?range=15m|1h|6h|24h|7d|30d`) the API, badges, embeds and the UI share, or
 * `?from=&to=`. Pure: `now` is a parameter.
 */

export const RANGE_PRESETS = {
  '15m': 900_000,
  '1h': 3_600_000,
  '6h': 21_600_000,
  '24h': 86_400_000,
  '7d': 604_800_000,
  '30d': 2_592_000_000,
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;
export const RANGE_KEYS = Object.keys(RANGE_PRESETS) as [RangePreset, ...RangePreset[]];

export const isRangePreset = (value: string): value is RangePreset => Object.hasOwn(RANGE_PRESETS, value);

/** A subset of the presets, in table order (badges and embeds offer fewer). */
export function rangeSubset<const K extends RangePreset>(keys: readonly K[]): readonly K[] {
  return RANGE_KEYS.filter((key): key is K => (keys as readonly RangePreset[]).includes(key));
}

export interface TimeRange {
  from: number;
  to: number;
  /** The preset asked for, or null for an explicit from/to. */
  label: RangePreset | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; param: string; message: string };

const MAX_SPAN_MS = 366 * 86_400_000;
/** Clocks differ a little between a browser and the server. */
const FUTURE_SLACK_MS = 60_000;

/** A time query whose parts are each well-formed (the API's zod schema checked them): what `now` decides. */
export interface TimeQuery {
  range?: RangePreset;
  from?: number;
  to?: number;
}

export function resolveTimeRange(query: TimeQuery, now: number, fallback: RangePreset): Parsed<TimeRange> {
  const explicit = query.from !== undefined || query.to !== undefined;
  if (query.range !== undefined && explicit) return fail('range', 'use either range or from/to, not both');
  if (!explicit) {
    const label = query.range ?? fallback;
    return { ok: true, value: { from: now - RANGE_PRESETS[label], to: now, label } };
  }
  const to = query.to ?? now;
  const from = query.from ?? to - RANGE_PRESETS[fallback];
  if (to > now + FUTURE_SLACK_MS) return fail('to', 'must not be in the future');
  if (from >= to) return fail('from', 'must be before to');
  if (to - from > MAX_SPAN_MS) return fail('from', 'the range may span at most 366 days');
  return { ok: true, value: { from, to, label: null } };
}

export const RANGE_MESSAGE = `must be one of ${RANGE_KEYS.join(', ')}`;
export const INSTANT_MESSAGE = 'must be an ISO-8601 time or epoch milliseconds';

/** An ISO-8601 time (with a zone or Z) or whole epoch milliseconds. */
export function parseInstant(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,15}$/.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : ms;
}

function fail<T>(param: string, message: string): Parsed<T> {
  return { ok: false, param, message: `${param}: ${message}` };
}

export type Resolution = 'raw' | 'minute' | 'hour';

/**
 * The finest resolution that still holds the range and keeps a response to a few thousand points: raw samples
 * (one per 2 s at most) up to 2 h, minute rollups up to 2 days, hour rollups beyond, each within its retention.
 */
export function pickResolution(
  range: { from: number; to: number },
  now: number,
  retention: { rawHours: number; minuteDays: number },
): Resolution {
  const span = range.to - range.from;
  if (span <= 2 * 3_600_000 && range.from >= now - retention.rawHours * 3_600_000) return 'raw';
  if (span <= 2 * 86_400_000 && range.from >= now - retention.minuteDays * 86_400_000) return 'minute';
  return 'hour';
}
