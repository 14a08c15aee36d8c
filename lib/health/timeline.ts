/**
 * A server's state over a time range as segments: the status at the range start holds until the next transition,
 * and time outside coverage (no data) is never downtime. Pure: the range is a parameter.
 */
import type { CheckCause, Interval, StatusPoint } from './history-types';
import type { ServerStatus } from './types';

export type UptimeClass = 'up' | 'down' | 'planned';
export type SegmentState = UptimeClass | 'no-data';

export interface TimelineChange extends Partial<CheckCause> {
  at: number;
  to: StatusPoint;
}

export interface ServerTimelineInput {
  /** The state at range.from; null when unknown (the server was not seen yet). */
  initial: StatusPoint | null;
  initialCause?: CheckCause | null;
  /** Changes inside the range, any order. */
  changes: readonly TimelineChange[];
  /** Intervals without data (no coverage, before first seen, after removal), any order, may overlap. */
  noData: readonly Interval[];
}

export interface Segment extends Interval {
  state: SegmentState;
  point: StatusPoint | null;
  cause: CheckCause | null;
}

const CLASS_OF: Record<ServerStatus, UptimeClass> = {
  UP: 'up',
  NOLB: 'up',
  NOCHECK: 'up',
  DOWN: 'down',
  MAINT: 'planned',
  DRAIN: 'planned',
};

/** UP going-down and NOLB are up; DOWN going-up is down; MAINT and DRAIN are planned; NOCHECK is up. */
export function classifyStatus(point: StatusPoint): UptimeClass {
  return CLASS_OF[point.status];
}

/** Merges intervals clipped to range, sorted and disjoint. */
export function normalizeIntervals(intervals: readonly Interval[], range: Interval): Interval[] {
  const clipped = intervals
    .map((i) => ({ from: Math.max(i.from, range.from), to: Math.min(i.to, range.to) }))
    .filter((i) => i.to > i.from)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to) last.to = Math.max(last.to, interval.to);
    else merged.push({ ...interval });
  }
  return merged;
}

/** The complement of intervals within range. */
export function invertIntervals(intervals: readonly Interval[], range: Interval): Interval[] {
  const gaps: Interval[] = [];
  let cursor = range.from;
  for (const interval of normalizeIntervals(intervals, range)) {
    if (interval.from > cursor) gaps.push({ from: cursor, to: interval.from });
    cursor = Math.max(cursor, interval.to);
  }
  if (cursor < range.to) gaps.push({ from: cursor, to: range.to });
  return gaps;
}

export function serverSegments(input: ServerTimelineInput, range: Interval): Segment[] {
  const changes = input.changes
    .filter((c) => c.at >= range.from && c.at < range.to)
    .sort((a, b) => a.at - b.at);
  const stateRuns: Segment[] = [];
  let point = input.initial;
  let cause = input.initialCause ?? null;
  let from = range.from;
  for (const change of changes) {
    if (change.at > from) stateRuns.push(run(from, change.at, point, cause));
    point = change.to;
    cause = toCause(change);
    from = change.at;
  }
  if (range.to > from) stateRuns.push(run(from, range.to, point, cause));
  return cutNoData(stateRuns, normalizeIntervals(input.noData, range));
}

function run(from: number, to: number, point: StatusPoint | null, cause: CheckCause | null): Segment {
  return { from, to, point, cause, state: point ? classifyStatus(point) : 'no-data' };
}

function toCause(change: TimelineChange): CheckCause | null {
  if (change.checkStatus == null && change.description == null) return null;
  return {
    checkStatus: change.checkStatus ?? null,
    checkCode: change.checkCode ?? null,
    description: change.description ?? null,
  };
}

/** Splits runs at the no-data intervals; runs are contiguous and sorted, no-data sorted and disjoint. */
function cutNoData(runs: Segment[], noData: Interval[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of runs) {
    let cursor = segment.from;
    for (const gap of noData) {
      if (gap.to <= cursor || gap.from >= segment.to) continue;
      if (gap.from > cursor) out.push({ ...segment, from: cursor, to: gap.from });
      const gapEnd = Math.min(gap.to, segment.to);
      out.push({ from: Math.max(gap.from, cursor), to: gapEnd, state: 'no-data', point: null, cause: null });
      cursor = gapEnd;
    }
    if (cursor < segment.to) out.push({ ...segment, from: cursor });
  }
  return out;
}
