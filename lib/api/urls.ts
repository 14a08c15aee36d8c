/**
 * Every URL the browser asks for or links to: API routes, badges, dashboard pages. Pure and browser-safe; names are
 * encoded here once (path segments with encodeURIComponent, queries with URLSearchParams).
 */
import type { BadgeTarget, SparkRange, UptimeRange } from '@/lib/badges/badge-request';
import type { ServerRef } from '@/lib/health/server-key';
import type { RangePreset } from '@/lib/health/time-range';

/** A sliding preset (`range=6h`, re-read as the clock moves) or a fixed window in epoch ms. */
export type HistoryRange =
  { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: number; to: number };

export interface BackendRef {
  instance: string;
  backend: string;
}

/** Server-side filters of /uptime and /events: each optional, together they narrow. */
export interface HistoryFilter {
  instance?: string;
  backend?: string;
  server?: string;
  pool?: string;
}

const API = '/api/v1';
const segments = (...parts: string[]) => parts.map(encodeURIComponent).join('/');
const withQuery = (path: string, params: URLSearchParams) => {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
};

/** `range=6h`, or `from=&to=` in epoch ms for a fixed window. */
export function rangeParams(range: HistoryRange): URLSearchParams {
  if (range.kind === 'preset') return new URLSearchParams({ range: range.preset });
  return new URLSearchParams({ from: String(Math.round(range.from)), to: String(Math.round(range.to)) });
}

function setFilter(params: URLSearchParams, filter: HistoryFilter): URLSearchParams {
  for (const name of ['instance', 'backend', 'server', 'pool'] as const) {
    const value = filter[name];
    if (value !== undefined) params.set(name, value);
  }
  return params;
}

export const healthUrl = () => `${API}/health`;
export const snapshotUrl = () => `${API}/snapshot`;
/** The snapshot's changes from `after` on (the snapshot's x-hapscope-stream-id). */
export const snapshotStreamUrl = (after: string) =>
  `${API}/snapshot/stream?after=${encodeURIComponent(after)}`;
export const poolsUrl = () => `${API}/pools`;
export const routesUrl = (backend: string) => `${API}/routes?backend=${encodeURIComponent(backend)}`;
export const alertsUrl = () => `${API}/alerts`;
export const mutesUrl = () => `${API}/mutes`;
export const muteUrl = (id: number) => `${API}/mutes/${id}`;
export const ackUrl = (alertId: string) => `${API}/alerts/${encodeURIComponent(alertId)}/ack`;

/** The alert stream, resuming after `lastEventId` (0: nothing seen yet, live events only). */
export const alertStreamUrl = (lastEventId = 0) =>
  `${API}/alerts/stream${lastEventId > 0 ? `?lastEventId=${lastEventId}` : ''}`;

export const poolLatencyUrl = (pool: string, range: RangePreset) =>
  `${API}/pools/${encodeURIComponent(pool)}/latency?range=${range}`;

/** `buckets`: uptime-bar cells wanted with the samples (0: none). */
export function serverHistoryUrl(ref: ServerRef, range: HistoryRange, buckets = 0): string {
  const params = rangeParams(range);
  if (buckets > 0) params.set('buckets', String(buckets));
  return withQuery(`${API}/servers/${segments(ref.instance, ref.backend, ref.server)}/history`, params);
}

/** A backend's own series (its HAProxy row), as the backend page's traffic charts and embeds read it. */
export const backendHistoryUrl = (ref: BackendRef, range: HistoryRange) =>
  withQuery(`${API}/backends/${segments(ref.instance, ref.backend)}/history`, rangeParams(range));

export function uptimeUrl(
  range: HistoryRange,
  options: { buckets?: number; filter?: Omit<HistoryFilter, 'server'> } = {},
): string {
  const params = rangeParams(range);
  if (options.buckets) params.set('buckets', String(options.buckets));
  return withQuery(`${API}/uptime`, setFilter(params, options.filter ?? {}));
}

export function eventsUrl(
  range: HistoryRange,
  options: { limit?: number; filter?: HistoryFilter } = {},
): string {
  const params = rangeParams(range);
  if (options.limit !== undefined) params.set('limit', String(options.limit));
  return withQuery(`${API}/events`, setFilter(params, options.filter ?? {}));
}

function badgeTargetPath(target: BadgeTarget): string {
  if (target.type === 'server') return segments('server', target.instance, target.backend, target.server);
  if (target.type === 'backend') return segments('backend', target.instance, target.backend);
  return segments('pool', target.pool);
}

/** The badge's own defaults (24h for uptime, latency over 1h for sparklines) stay out of the URL. */
export const statusBadgeUrl = (target: BadgeTarget) => `${API}/badge/${badgeTargetPath(target)}.svg`;

export const uptimeBadgeUrl = (target: BadgeTarget, range: UptimeRange) =>
  `${API}/badge/uptime/${badgeTargetPath(target)}.svg${range === '24h' ? '' : `?range=${range}`}`;

export function sparklineBadgeUrl(
  target: Extract<BadgeTarget, { type: 'server' }>,
  metric: 'latency' | 'rate',
  range: SparkRange,
): string {
  const params = new URLSearchParams();
  if (metric !== 'latency') params.set('metric', metric);
  if (range !== '1h') params.set('range', range);
  return withQuery(`${API}/badge/sparkline/${badgeTargetPath(target)}.svg`, params);
}

/** A dashboard page's view state: the range (the page's default left out) and the selected server. */
export interface PageQuery {
  range?: HistoryRange;
  server?: string | null;
}

export const DEFAULT_PAGE_RANGE: RangePreset = '24h';
const PAGE_PARAMS = ['range', 'from', 'to', 'server'];

/**
 * `?range=6h&server=agent1`, or `?from=…&to=…` (ISO) for a fixed window; keeps any other parameter of `current`;
 * "" when nothing is left.
 */
export function pageSearch(
  query: PageQuery,
  current: URLSearchParams = new URLSearchParams(),
  fallback: RangePreset = DEFAULT_PAGE_RANGE,
): string {
  const params = new URLSearchParams(current);
  for (const name of PAGE_PARAMS) params.delete(name);
  const { range, server } = query;
  if (range?.kind === 'custom') {
    params.set('from', new Date(range.from).toISOString());
    params.set('to', new Date(range.to).toISOString());
  } else if (range && range.preset !== fallback) {
    params.set('range', range.preset);
  }
  if (server) params.set('server', server);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const backendHref = (ref: BackendRef, query: PageQuery = {}) =>
  `/backends/${segments(ref.instance, ref.backend)}${pageSearch(query)}`;

/** A server on its backend's page: the page selects it for its charts. */
export const serverHref = (ref: ServerRef, query: Omit<PageQuery, 'server'> = {}) =>
  backendHref(ref, { ...query, server: ref.server });

export const poolHref = (pool: string) => `/pools/${encodeURIComponent(pool)}`;
export const POOLS_PAGE = '/pools';
export const ALERTS_PAGE = '/alerts';

/** Access (admins): users, API tokens, share links, the audit log; an alert's stored history. */
export const usersUrl = () => `${API}/users`;
export const userUrl = (name: string) => `${usersUrl()}/${encodeURIComponent(name)}`;
export const apiTokensUrl = () => `${API}/tokens`;
export const apiTokenUrl = (id: string) => `${apiTokensUrl()}/${encodeURIComponent(id)}`;
export const shareLinksUrl = () => `${API}/shares`;
export const shareLinkUrl = (id: string) => `${shareLinksUrl()}/${encodeURIComponent(id)}`;
export const alertHistoryUrl = (id: string) => `${API}/alerts/${encodeURIComponent(id)}/history`;
export const signInUrl = () => `${API}/auth/signin`;
export const signOutUrl = () => `${API}/auth/signout`;
export const oidcStartUrl = (next: string) => `${API}/auth/oidc/start?next=${encodeURIComponent(next)}`;
/** The audit log, newest first; `before`: the page after the entry with that seq. */
export const auditUrl = (limit: number, before?: number) =>
  `${API}/audit?limit=${limit}${before === undefined ? '' : `&before=${before}`}`;
