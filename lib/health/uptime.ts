/**
 * Uptime figures from timeline segments: per server, per group of servers (a backend, a pool). MAINT and DRAIN are
 * planned and left out of the denominator; time without data counts nowhere. Pure.
 */
import type { CheckCause, Interval } from './history-types';
import { serverSegments, type Segment, type ServerTimelineInput } from './timeline';

export type GroupState = 'up' | 'degraded' | 'down' | 'planned' | 'no-data';

/** A span of a bar or a group: `degraded` = only backups serve. */
export interface StateSpan extends Interval {
  state: GroupState;
  cause: CheckCause | null;
}

export interface UptimeFigures {
  upSec: number;
  downSec: number;
  plannedSec: number;
  noDataSec: number;
  /** Part of upSec during which only backup servers served (groups only; 0 for a server). */
  degradedSec: number;
  /** up / (up + down) × 100; null when there is neither (all planned or no data). */
  uptimePct: number | null;
}

export function summarizeSpans(spans: readonly StateSpan[]): UptimeFigures {
  const ms = { up: 0, degraded: 0, down: 0, planned: 0, 'no-data': 0 };
  for (const span of spans) ms[span.state] += span.to - span.from;
  const up = ms.up + ms.degraded;
  return {
    upSec: up / 1000,
    downSec: ms.down / 1000,
    plannedSec: ms.planned / 1000,
    noDataSec: ms['no-data'] / 1000,
    degradedSec: ms.degraded / 1000,
    uptimePct: up + ms.down > 0 ? (up / (up + ms.down)) * 100 : null,
  };
}

export function computeServerUptime(input: ServerTimelineInput, range: Interval): UptimeFigures {
  return summarizeSpans(serverSegments(input, range));
}

export interface GroupMember {
  backup: boolean;
  segments: readonly Segment[];
  pool?: string | null;
}

/**
 * A group serves while at least one usable server (UP or NOCHECK) does; while only backups serve it is degraded.
 * With nothing serving it is down if a covered server is down, else planned (all in MAINT, DRAIN or NOLB).
 */
export function groupSpans(members: readonly GroupMember[], range: Interval): StateSpan[] {
  const cuts = new Set<number>([range.from, range.to]);
  for (const member of members) for (const s of member.segments) cuts.add(s.from).add(s.to);
  const points = [...cuts].filter((t) => t >= range.from && t <= range.to).sort((a, b) => a - b);
  const cursors = members.map(() => 0);
  const spans: StateSpan[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const active = members.map((member, m) => segmentAt(member.segments, from, cursors, m));
    const span = { from, to, ...groupStateAt(members, active) };
    const last = spans[spans.length - 1];
    if (last && last.state === span.state && last.to === from && last.cause === span.cause) last.to = to;
    else spans.push(span);
  }
  return spans;
}

function segmentAt(segments: readonly Segment[], at: number, cursors: number[], m: number): Segment | null {
  let index = cursors[m]!;
  while (index < segments.length && segments[index]!.to <= at) index++;
  cursors[m] = index;
  const segment = segments[index];
  return segment && segment.from <= at ? segment : null;
}

function groupStateAt(
  members: readonly GroupMember[],
  active: (Segment | null)[],
): { state: GroupState; cause: CheckCause | null } {
  let backupServes = false;
  let down: Segment | null = null;
  let covered = false;
  for (let m = 0; m < members.length; m++) {
    const segment = active[m];
    if (!segment || segment.state === 'no-data') continue;
    covered = true;
    const serving = segment.point?.status === 'UP' || segment.point?.status === 'NOCHECK';
    if (serving && !members[m]!.backup) return { state: 'up', cause: null };
    if (serving) backupServes = true;
    if (segment.state === 'down') down ??= segment;
  }
  if (!covered) return { state: 'no-data', cause: null };
  if (backupServes) return { state: 'degraded', cause: down?.cause ?? null };
  return down ? { state: 'down', cause: down.cause } : { state: 'planned', cause: null };
}

export function computeGroupUptime(members: readonly GroupMember[], range: Interval): UptimeFigures {
  return summarizeSpans(groupSpans(members, range));
}

/**
 * The seam for pools: a pool's uptime over the servers assigned to it (by their `pool` field for now; a later
 * issue assigns servers to pools from Kubernetes nodes). Backups count as ordinary members of a pool.
 */
export function computePoolUptime(
  pool: string,
  members: readonly GroupMember[],
  range: Interval,
): UptimeFigures | null {
  const inPool = members.filter((m) => m.pool === pool).map((m) => ({ ...m, backup: false }));
  return inPool.length > 0 ? computeGroupUptime(inPool, range) : null;
}
