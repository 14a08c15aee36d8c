/** Uptime of every server, backend and pool over a range, from transitions and coverage (not from rollups). */
import type { Interval } from '@/lib/health/history-types';
import { backendKey } from '@/lib/health/server-key';
import { serverSegments, type Segment } from '@/lib/health/timeline';
import { toUptimeBuckets } from '@/lib/health/uptime-buckets';
import { computePoolUptime, groupSpans, summarizeSpans, type GroupMember } from '@/lib/health/uptime';
import type { HistoryDb } from './db';
import type { BackendUptime, PoolUptime, ServerDimension, UptimeFilter, UptimeReport } from './history-types';
import { loadTimelines, type ServerTimeline } from './timelines';

type Member = GroupMember & { server: ServerDimension; segments: Segment[] };

/**
 * A filter is pushed into the store's reads. A group's row is only given when the filter keeps all of its
 * members: backend rows unless a pool is asked for, pool rows unless an instance or backend is.
 */
export function queryUptime(
  db: HistoryDb,
  range: Interval,
  options: { buckets?: number; filter?: UptimeFilter } = {},
): UptimeReport {
  return toUptimeReport(loadTimelines(db, range, options.filter ?? {}), range, options);
}

/** The report from the timelines of the servers the filter kept (either store reads them). */
export function toUptimeReport(
  timelines: readonly ServerTimeline[],
  range: Interval,
  options: { buckets?: number; filter?: UptimeFilter } = {},
): UptimeReport {
  const bars = options.buckets ?? 0;
  const filter = options.filter ?? {};
  const members: Member[] = timelines.map((timeline) => ({
    server: timeline.server,
    backup: timeline.server.backup,
    pool: timeline.server.pool,
    segments: serverSegments(timeline.input, range),
  }));
  const servers = members.map((m) => ({
    server: m.server,
    ...summarizeSpans(m.segments),
    buckets: bars ? toUptimeBuckets(m.segments, range, bars) : null,
  }));
  const wholeBackends = filter.pool === undefined;
  const wholePools = filter.instance === undefined && filter.backend === undefined;
  return {
    range,
    servers,
    backends: wholeBackends ? backendUptimes(members, range, bars) : [],
    pools: wholePools ? poolUptimes(members, range) : [],
  };
}

function backendUptimes(members: readonly Member[], range: Interval, bars: number): BackendUptime[] {
  const byBackend = new Map<string, Member[]>();
  for (const member of members) {
    const key = backendKey(member.server.instance, member.server.backend);
    const group = byBackend.get(key);
    if (group) group.push(member);
    else byBackend.set(key, [member]);
  }
  return [...byBackend.values()].map((group) => {
    const spans = groupSpans(group, range);
    return {
      instance: group[0]!.server.instance,
      backend: group[0]!.server.backend,
      ...summarizeSpans(spans),
      buckets: bars ? toUptimeBuckets(spans, range, bars) : null,
    };
  });
}

function poolUptimes(members: readonly Member[], range: Interval): PoolUptime[] {
  const poolNames = [...new Set(members.map((m) => m.pool).filter((p): p is string => !!p))].sort();
  return poolNames.flatMap((pool) => {
    const figures = computePoolUptime(pool, members, range);
    return figures ? [{ pool, ...figures }] : [];
  });
}
