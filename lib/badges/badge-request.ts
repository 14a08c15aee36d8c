/**
 * The badge URL scheme, after /api/v1/badge/ (every form ends in .svg):
 *   server/{instance}/{backend}/{server}.svg        status of a server
 *   backend/{instance}/{backend}.svg                status of a backend (serving from backup, no usable server)
 *   pool/{pool}.svg                                 status of a location pool
 *   uptime/server|backend|pool/….svg?range=7d       uptime over 1h, 24h, 7d or 30d
 *   sparkline/server/{instance}/{backend}/{server}.svg?metric=latency|rate&range=1h
 * `?label=` replaces the left-hand text.
 */
import { RANGE_PRESETS, rangeSubset } from '@/lib/health/time-range';

export type BadgeTarget =
  | { type: 'server'; instance: string; backend: string; server: string }
  | { type: 'backend'; instance: string; backend: string }
  | { type: 'pool'; pool: string };

export type BadgeRequest =
  | { kind: 'status'; target: BadgeTarget; label: string | null }
  | { kind: 'uptime'; target: BadgeTarget; range: UptimeRange; label: string | null }
  | {
      kind: 'sparkline';
      target: Extract<BadgeTarget, { type: 'server' }>;
      metric: 'latency' | 'rate';
      range: SparkRange;
      label: string | null;
    };

export const UPTIME_RANGES = rangeSubset(['1h', '24h', '7d', '30d']);
export type UptimeRange = (typeof UPTIME_RANGES)[number];
export const SPARK_RANGES = rangeSubset(['15m', '1h', '6h', '24h']);
export type SparkRange = (typeof SPARK_RANGES)[number];
/** Durations come from the one preset table; badges only offer fewer of them. */
export const BADGE_RANGE_MS: Readonly<Record<UptimeRange | SparkRange, number>> = RANGE_PRESETS;

/** A badge's left-hand text: a name, not a paragraph (it is drawn into the SVG). */
export const MAX_LABEL = 100;

export type Parsed = { ok: true; request: BadgeRequest } | { ok: false; status: 400 | 404; message: string };

export function parseBadgeRequest(segments: readonly string[], params: URLSearchParams): Parsed {
  const last = segments.at(-1);
  if (!last?.endsWith('.svg')) return { ok: false, status: 404, message: 'a badge URL ends in .svg' };
  const parts = [...segments.slice(0, -1), last.slice(0, -'.svg'.length)];
  const label = params.get('label')?.trim() || null;
  if (label !== null && label.length > MAX_LABEL)
    return { ok: false, status: 400, message: `label: must be at most ${MAX_LABEL} characters` };
  const [kind, ...rest] = parts;
  if (kind === 'uptime' || kind === 'sparkline') {
    const target = toTarget(rest);
    if (!target) return badPath();
    if (kind === 'uptime') {
      const range = params.get('range') ?? '24h';
      if (!isOneOf(range, UPTIME_RANGES)) return badParam('range', range, UPTIME_RANGES);
      return { ok: true, request: { kind, target, range, label } };
    }
    if (target.type !== 'server')
      return { ok: false, status: 404, message: 'sparklines exist for servers only' };
    const metric = params.get('metric') ?? 'latency';
    if (metric !== 'latency' && metric !== 'rate') return badParam('metric', metric, ['latency', 'rate']);
    const range = params.get('range') ?? '1h';
    if (!isOneOf(range, SPARK_RANGES)) return badParam('range', range, SPARK_RANGES);
    return { ok: true, request: { kind, target, metric, range, label } };
  }
  const target = toTarget(parts);
  return target ? { ok: true, request: { kind: 'status', target, label } } : badPath();
}

function toTarget(parts: readonly string[]): BadgeTarget | null {
  const [type, ...names] = parts;
  if (names.some((name) => name.length === 0)) return null;
  if (type === 'server' && names.length === 3)
    return { type, instance: names[0]!, backend: names[1]!, server: names[2]! };
  if (type === 'backend' && names.length === 2) return { type, instance: names[0]!, backend: names[1]! };
  if (type === 'pool' && names.length === 1) return { type, pool: names[0]! };
  return null;
}

export function describeTarget(target: BadgeTarget): string {
  if (target.type === 'server') return `${target.instance}/${target.backend}/${target.server}`;
  if (target.type === 'backend') return `${target.instance}/${target.backend}`;
  return `pool ${target.pool}`;
}

const isOneOf = <T extends string>(value: string, choices: readonly T[]): value is T =>
  (choices as readonly string[]).includes(value);
const badParam = (name: string, value: string, choices: readonly string[]): Parsed => ({
  ok: false,
  status: 400,
  message: `${name}: must be one of ${choices.join(', ')}, got "${value}"`,
});
const badPath = (): Parsed => ({
  ok: false,
  status: 404,
  message:
    'unknown badge: use server/{instance}/{backend}/{server}.svg, backend/{instance}/{backend}.svg, pool/{pool}.svg, uptime/… or sparkline/server/…',
});
