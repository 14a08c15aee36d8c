import 'server-only';
import type { Identity } from '@/lib/access/identity';
import type { ShareableRead } from '@/lib/access/server/access-service';
import { shareReadsBadge } from '@/lib/access/share-reads';
import {
  backendBadge,
  notFoundBadge,
  poolBadge,
  serverBadge,
  unauthorizedBadge,
  uptimeBadge,
} from '@/lib/badges/badge-content';
import {
  BADGE_RANGE_MS,
  describeTarget,
  type BadgeRequest,
  type BadgeTarget,
  type UptimeRange,
} from '@/lib/badges/badge-request';
import { renderBadge, type BadgeSpec } from '@/lib/badges/badge-svg';
import type { Backend, Server } from '@/lib/health/types';
import type { Collector } from '@/lib/collector/collector';
import type { Config } from '@/lib/config';
import { embedTargetKey } from '@/lib/embeds/embed-params';
import type { PoolsView } from '@/lib/pools/server/pools-model';
import type { Store, UptimeReport } from '@/lib/store';

/** What badges read of the runtime. */
export interface BadgeParts {
  config: Pick<Config, 'pollIntervalMs'>;
  collector: Collector;
  store: Pick<Store, 'history'>;
  backends(): Backend[];
  poolsView(now: number): PoolsView;
}

/** Backend and pool uptime reads every server's timeline: shared by all badges for this long. */
const UPTIME_CACHE_MS = 60_000;
const SPARK_POINTS = 30;
const uptimeCache = new Map<UptimeRange, { at: number; report: UptimeReport }>();
const svgCache = new Map<string, { generation: number; at: number; svg: string; found: boolean }>();

export interface BadgeResult {
  svg: string;
  found: boolean;
  /** Seconds a cache in front may keep it: one poll. */
  maxAgeSec: number;
}

/** Viewers, and the share links of the badge's target, whatever their panel (the share dialog offers both). */
export function badgeRead(request: BadgeRequest, queryToken: string | null): ShareableRead {
  const target = embedTargetKey(request.target);
  return { role: 'viewer', share: (scope) => shareReadsBadge(scope, target), queryToken };
}

/** The badge cache's key: the URL without `token=` (a token says who may see a badge, not what it says). */
export function badgeCacheKey(url: URL): string {
  const params = new URLSearchParams(url.searchParams);
  params.delete('token');
  return `${url.pathname}?${params}`;
}

const SVG_HEADERS = {
  'content-type': 'image/svg+xml; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
};

/**
 * The badge for a reader the access service let through. Through a share link or PUBLIC_EMBEDS (or with sign-in
 * off) any cache may keep it, the token being part of the URL; through a session or an API token only the
 * reader's own browser may.
 */
export async function badgeResponse(
  runtime: BadgeParts,
  request: BadgeRequest,
  url: URL,
  who: Identity,
  now: number,
) {
  const { svg, found, maxAgeSec } = await badgeSvg(runtime, request, badgeCacheKey(url), now);
  return new Response(svg, {
    status: found ? 200 : 404,
    headers: { ...SVG_HEADERS, 'cache-control': badgeCacheControl(who, maxAgeSec) },
  });
}

export function badgeCacheControl(who: Identity, maxAgeSec: number): string {
  // Fresh for one poll; a wiki's image proxy may serve a slightly stale badge while it refetches.
  if (who.kind === 'share' || who.via === 'none')
    return `public, max-age=${maxAgeSec}, stale-while-revalidate=${maxAgeSec * 5}`;
  return `private, max-age=${maxAgeSec}`;
}

/** A grey "unauthorized" badge (401, never cached): an <img> shows it where a JSON error would be a broken image. */
export function unauthorizedBadgeResponse(request: BadgeRequest): Response {
  const svg = renderBadge(unauthorizedBadge(request.label ?? defaultLabel(request.target)));
  return new Response(svg, { status: 401, headers: { ...SVG_HEADERS, 'cache-control': 'no-store' } });
}

/** The SVG for a badge request; answers from a cache until the next poll (or a minute, for uptime). */
export async function badgeSvg(
  runtime: BadgeParts,
  request: BadgeRequest,
  cacheKey: string,
  now: number,
): Promise<BadgeResult> {
  const { generation } = runtime.collector;
  const maxAgeSec = Math.max(1, Math.round(runtime.config.pollIntervalMs / 1000));
  const cached = svgCache.get(cacheKey);
  const maxAge = request.kind === 'status' ? 0 : UPTIME_CACHE_MS;
  if (cached && (cached.generation === generation || now - cached.at < maxAge))
    return { ...cached, maxAgeSec };
  const spec = await badgeSpec(runtime, request, now);
  const result = {
    svg: renderBadge(spec ?? notFoundBadge(request.label ?? 'hapscope', describeTarget(request.target))),
    found: spec !== null,
  };
  if (svgCache.size > 5000) svgCache.clear();
  svgCache.set(cacheKey, { ...result, generation, at: now });
  return { ...result, maxAgeSec };
}

async function badgeSpec(runtime: BadgeParts, request: BadgeRequest, now: number): Promise<BadgeSpec | null> {
  const label = request.label ?? defaultLabel(request.target);
  if (request.kind === 'status') return statusSpec(runtime, request.target, label, now);
  if (request.kind === 'uptime') return uptimeSpec(runtime, request.target, request.range, label, now);
  const { target, metric, range } = request;
  if (!findServer(runtime, target)) return null;
  const history = await runtime.store.history.serverHistory(target, {
    from: now - BADGE_RANGE_MS[range],
    to: now,
  });
  if (!history) return null;
  const values = history.samples.map((s) => (metric === 'latency' ? s.checkDurationMs : s.sessionRate));
  const last = values.findLast((v) => v !== null) ?? null;
  const message = last === null ? 'no data' : metric === 'latency' ? `${last} ms` : `${last}/s`;
  return {
    label: `${label} ${metric === 'latency' ? 'check' : 'rate'}`,
    message,
    color: '#3b5b8c',
    sparkline: downsample(values, SPARK_POINTS),
  };
}

function statusSpec(runtime: BadgeParts, target: BadgeTarget, label: string, now: number): BadgeSpec | null {
  if (target.type === 'server') {
    const server = findServer(runtime, target);
    return server ? serverBadge(label, server) : null;
  }
  if (target.type === 'backend') {
    const backend = findBackend(runtime, target.instance, target.backend);
    return backend ? backendBadge(label, backend) : null;
  }
  const servers = runtime.backends().flatMap((b) => b.servers.filter((s) => s.pool === target.pool));
  const pool = runtime.poolsView(now).pools.find((p) => p.name === target.pool);
  if (!pool && servers.length === 0) return null;
  return poolBadge(label, servers, pool ? pool.traefikLocal : null);
}

async function uptimeSpec(
  runtime: BadgeParts,
  target: BadgeTarget,
  range: UptimeRange,
  label: string,
  now: number,
): Promise<BadgeSpec | null> {
  const interval = { from: now - BADGE_RANGE_MS[range], to: now };
  if (target.type === 'server') {
    const history = await runtime.store.history.serverHistory(target, interval);
    return history ? uptimeBadge(label, history.uptime.uptimePct, range) : null;
  }
  const report = await cachedUptime(runtime, range, now);
  const figures =
    target.type === 'backend'
      ? report.backends.find((b) => b.instance === target.instance && b.backend === target.backend)
      : report.pools.find((p) => p.pool === target.pool);
  if (!figures && !(target.type === 'backend' && findBackend(runtime, target.instance, target.backend)))
    return null;
  return uptimeBadge(label, figures?.uptimePct ?? null, range);
}

async function cachedUptime(runtime: BadgeParts, range: UptimeRange, now: number): Promise<UptimeReport> {
  const cached = uptimeCache.get(range);
  if (cached && now - cached.at < UPTIME_CACHE_MS) return cached.report;
  const report = await runtime.store.history.uptime({ from: now - BADGE_RANGE_MS[range], to: now });
  uptimeCache.set(range, { at: now, report });
  return report;
}

function findBackend(runtime: BadgeParts, instance: string, name: string): Backend | undefined {
  const state = runtime.collector.states.find((s) => s.source.name === instance);
  return state?.backends?.find((b) => b.name === name);
}

function findServer(
  runtime: BadgeParts,
  target: Extract<BadgeTarget, { type: 'server' }>,
): Server | undefined {
  return findBackend(runtime, target.instance, target.backend)?.servers.find((s) => s.name === target.server);
}

function defaultLabel(target: BadgeTarget): string {
  if (target.type === 'server') return target.server;
  if (target.type === 'backend') return target.backend;
  return target.pool;
}

/** At most `points` values, each the max of its slice (a spike must not vanish from a sparkline). */
function downsample(values: readonly (number | null)[], points: number): (number | null)[] {
  if (values.length <= points) return [...values];
  const size = values.length / points;
  return Array.from({ length: points }, (_, i) => {
    const slice = values
      .slice(Math.floor(i * size), Math.floor((i + 1) * size))
      .filter((v): v is number => v !== null);
    return slice.length ? Math.max(...slice) : null;
  });
}
