/**
 * The `/embed/{panel}?…` URL contract: which panels exist, what target each needs, and the display options.
 * Pure: the page parses with it, the share dialog builds URLs with it, and both agree by construction.
 */
import { rangeSubset } from '@/lib/health/time-range';

export const EMBED_PANELS = [
  'backend',
  'server',
  'uptime',
  'latency',
  'session-rate',
  'queue',
  'response-time',
  'errors',
  'pool-matrix',
  'pool',
  'alerts',
] as const;
export type EmbedPanel = (typeof EMBED_PANELS)[number];

/** A subset of the one preset table (lib/health/time-range.ts): its durations are the embed's too. */
export const EMBED_RANGES = rangeSubset(['1h', '6h', '24h', '7d', '30d']);
export type EmbedRange = (typeof EMBED_RANGES)[number];
export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

export type EmbedTarget =
  | { type: 'none' }
  | { type: 'backend'; instance: string; backend: string }
  | { type: 'server'; instance: string; backend: string; server: string }
  | { type: 'pool'; pool: string };

export interface EmbedOptions {
  panel: EmbedPanel;
  target: EmbedTarget;
  range: EmbedRange;
  /** Seconds between refreshes; never below the collector's poll interval. */
  refreshSec: number;
  theme: EmbedTheme;
  title: boolean;
  legend: boolean;
  transparent: boolean;
  /** Echoed in the height messages, so the parent page can tell its frames apart. */
  id: string;
  token: string | null;
}

export interface EmbedParamError {
  param: string;
  message: string;
}

export type ParsedEmbed = { ok: true; options: EmbedOptions } | { ok: false; errors: EmbedParamError[] };

interface Params {
  get(name: string): string | null;
}

/** Which targets a panel takes, first the one it defaults to describing. */
const TARGETS: Record<EmbedPanel, readonly EmbedTarget['type'][]> = {
  backend: ['backend'],
  server: ['server'],
  uptime: ['server', 'backend', 'pool'],
  latency: ['server'],
  'session-rate': ['server'],
  queue: ['server'],
  // A backend's own row: its rtime/ttime, and the 503s it answers itself when no server is usable.
  'response-time': ['server', 'backend'],
  errors: ['server', 'backend'],
  'pool-matrix': ['none'],
  pool: ['pool'],
  alerts: ['none', 'backend', 'server', 'pool'],
};
/** Panels that show a range of history (the others are live). */
export const HISTORY_PANELS: ReadonlySet<EmbedPanel> = new Set([
  'uptime',
  'latency',
  'session-rate',
  'queue',
  'response-time',
  'errors',
]);
const MAX_REFRESH_SEC = 3600;
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

export const isEmbedPanel = (value: string): value is EmbedPanel =>
  (EMBED_PANELS as readonly string[]).includes(value);

/** The panel's default range: history panels look back a day (uptime) or an hour (charts). */
export const defaultRange = (panel: EmbedPanel): EmbedRange => (panel === 'uptime' ? '24h' : '1h');

/** The default refresh: the poll interval for live panels; history panels every 15 s (or the poll, if slower). */
export function defaultRefreshSec(panel: EmbedPanel, pollIntervalMs: number): number {
  const poll = minRefreshSec(pollIntervalMs);
  return HISTORY_PANELS.has(panel) ? Math.max(15, poll) : poll;
}

export const minRefreshSec = (pollIntervalMs: number): number =>
  Math.max(1, Math.ceil(pollIntervalMs / 1000));

export function parseEmbedParams(panel: EmbedPanel, params: Params, pollIntervalMs: number): ParsedEmbed {
  const errors: EmbedParamError[] = [];
  const fail = (param: string, message: string) => errors.push({ param, message });
  const target = parseTarget(panel, params, fail);

  const range = params.get('range') ?? defaultRange(panel);
  if (!isOneOf(range, EMBED_RANGES)) fail('range', oneOf(EMBED_RANGES, range));
  const theme = params.get('theme') ?? 'auto';
  if (!isOneOf(theme, EMBED_THEMES)) fail('theme', oneOf(EMBED_THEMES, theme));
  const title = parseFlag('title', params, fail);
  const legend = parseFlag('legend', params, fail);
  const bg = params.get('bg');
  if (bg !== null && bg !== 'transparent' && bg !== 'default')
    fail('bg', `must be "transparent" or "default", got "${bg}"`);

  const min = minRefreshSec(pollIntervalMs);
  let refreshSec = defaultRefreshSec(panel, pollIntervalMs);
  const refreshText = params.get('refresh');
  if (refreshText !== null) {
    const value = /^\d+$/.test(refreshText) ? Number(refreshText) : NaN;
    if (!Number.isInteger(value)) fail('refresh', `must be a whole number of seconds, got "${refreshText}"`);
    else if (value < min) fail('refresh', `must be at least ${min} s (the poll interval), got ${value}`);
    else if (value > MAX_REFRESH_SEC) fail('refresh', `must be at most ${MAX_REFRESH_SEC} s, got ${value}`);
    else refreshSec = value;
  }
  const id = params.get('id') ?? panel;
  if (!ID_PATTERN.test(id)) fail('id', 'must be 1-64 letters, digits or _ . : -');

  if (errors.length > 0 || !target) return { ok: false, errors };
  return {
    ok: true,
    options: {
      panel,
      target,
      range: range as EmbedRange,
      refreshSec,
      theme: theme as EmbedTheme,
      title: title ?? true,
      legend: legend ?? true,
      transparent: bg === 'transparent',
      id,
      token: params.get('token') || null,
    },
  };
}

function parseTarget(
  panel: EmbedPanel,
  params: Params,
  fail: (param: string, message: string) => void,
): EmbedTarget | null {
  const value = (name: string) => params.get(name)?.trim() || null;
  const [instance, backend, server, pool] = [
    value('instance'),
    value('backend'),
    value('server'),
    value('pool'),
  ];
  const given: EmbedTarget | null =
    pool !== null && instance === null && backend === null && server === null
      ? { type: 'pool', pool }
      : instance !== null && backend !== null && server !== null && pool === null
        ? { type: 'server', instance, backend, server }
        : instance !== null && backend !== null && server === null && pool === null
          ? { type: 'backend', instance, backend }
          : instance === null && backend === null && server === null && pool === null
            ? { type: 'none' }
            : null;
  const allowed = TARGETS[panel];
  if (given && allowed.includes(given.type)) return given;
  fail('target', `the ${panel} panel needs ${allowed.map(describeTargetParams).join(', or ')}`);
  return null;
}

function describeTargetParams(type: EmbedTarget['type']): string {
  if (type === 'server') return 'instance, backend and server';
  if (type === 'backend') return 'instance and backend';
  if (type === 'pool') return 'pool';
  return 'no target';
}

function parseFlag(
  name: string,
  params: Params,
  fail: (param: string, message: string) => void,
): boolean | null {
  const text = params.get(name);
  if (text === null) return null;
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  fail(name, `must be 0 or 1, got "${text}"`);
  return null;
}

/** A stable name for a target: what tokens are scoped to and what "not found" messages quote. */
export function embedTargetKey(target: EmbedTarget): string {
  if (target.type === 'server') return `${target.instance}/${target.backend}/${target.server}`;
  if (target.type === 'backend') return `${target.instance}/${target.backend}`;
  if (target.type === 'pool') return `pool:${target.pool}`;
  return '*';
}

export type EmbedUrlOptions = Pick<EmbedOptions, 'panel' | 'target'> &
  Partial<Omit<EmbedOptions, 'panel' | 'target'>>;

/** `/embed/{panel}?…` with only the parameters that differ from the defaults, in a stable order. */
export function embedPath(options: EmbedUrlOptions, pollIntervalMs: number): string {
  const { panel, target } = options;
  const params = new URLSearchParams();
  if (target.type === 'pool') params.set('pool', target.pool);
  if (target.type === 'backend' || target.type === 'server') {
    params.set('instance', target.instance);
    params.set('backend', target.backend);
  }
  if (target.type === 'server') params.set('server', target.server);
  if (options.range && options.range !== defaultRange(panel)) params.set('range', options.range);
  if (options.refreshSec && options.refreshSec !== defaultRefreshSec(panel, pollIntervalMs))
    params.set('refresh', String(options.refreshSec));
  if (options.theme && options.theme !== 'auto') params.set('theme', options.theme);
  if (options.title === false) params.set('title', '0');
  if (options.legend === false) params.set('legend', '0');
  if (options.transparent) params.set('bg', 'transparent');
  if (options.id && options.id !== panel) params.set('id', options.id);
  if (options.token) params.set('token', options.token);
  const query = params.toString();
  return `/embed/${panel}${query ? `?${query}` : ''}`;
}

const isOneOf = <T extends string>(value: string, choices: readonly T[]): value is T =>
  (choices as readonly string[]).includes(value);
const oneOf = (choices: readonly string[], got: string) =>
  `must be one of ${choices.join(', ')}, got "${got}"`;
