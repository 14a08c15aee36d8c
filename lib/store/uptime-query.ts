/** Uptime of every server, backend and pool over a range, from transitions and coverage (not from rollups). */
import type { Interval } from '@/lib/health/history-types';
import { serverSegments, type Segment } from '@/lib/health/timeline';
import { toUptimeBuckets, type UptimeBucket } from '@/lib/health/uptime-buckets';
import {
  computePoolUptime,
  groupSpans,
  summarizeSpans,
  type GroupMember,
  type UptimeFigures,
} from '@/lib/health/uptime';
import type { HistoryDb } from './db';
import { loadTimelines, type ServerDimension } from './timelines';

export interface ServerUptime extends UptimeFigures {
  server: ServerDimension;
  buckets: UptimeBucket[] | null;
}

export interface BackendUptime extends UptimeFigures {
  instance: string;
  backend: string;
  buckets: UptimeBucket[] | null;
}

export interface PoolUptime extends UptimeFigures {
  pool: string;
}

export interface UptimeReport {
  range: Interval;
  servers: ServerUptime[];
  backends: BackendUptime[];
  pools: PoolUptime[];
}

export function queryUptime(
  db: HistoryDb,
  range: Interval,
  options: { buckets?: number } = {},
): UptimeReport {
  const bars = options.buckets ?? 0;
  const members: (GroupMember & { server: ServerDimension; segments: Segment[] })[] = loadTimelines(
    db,
    range,
  ).map((timeline) => ({
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
  const byBackend = new Map<string, typeof members>();
  for (const member of members) {
    const key = `${member.server.instance}\n${member.server.backend}`;
    const group = byBackend.get(key);
    if (group) group.push(member);
    else byBackend.set(key, [member]);
  }
  const backends = [...byBackend.values()].map((group) => {
    const spans = groupSpans(group, range);
    return {
      instance: group[0]!.server.instance,
      backend: group[0]!.server.backend,
      ...summarizeSpans(spans),
      buckets: bars ? toUptimeBuckets(spans, range, bars) : null,
    };
  });
  const poolNames = [...new Set(members.map((m) => m.pool).filter((p): p is string => !!p))].sort();
  const pools = poolNames.flatMap((pool) => {
    const figures = computePoolUptime(pool, members, range);
    return figures ? [{ pool, ...figures }] : [];
  });
  return { range, servers, backends, pools };
}
