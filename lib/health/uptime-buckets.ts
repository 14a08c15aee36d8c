/** An uptime bar: the range cut into equal buckets, each showing its worst state and what caused it. Pure. */
import type { CheckCause, Interval } from './history-types';
import type { GroupState, StateSpan } from './uptime';

export interface UptimeBucket extends Interval {
  /** Worst state in the bucket: down > degraded > planned > up; no-data when nothing in it is covered. */
  state: GroupState;
  /** Check status and description of the transition into the worst state, when known. */
  cause: CheckCause | null;
  upSec: number;
  downSec: number;
  plannedSec: number;
  degradedSec: number;
  noDataSec: number;
}

const RANK: Record<GroupState, number> = { 'no-data': 0, up: 1, planned: 2, degraded: 3, down: 4 };

/** Spans from serverSegments (states up/down/planned/no-data) or groupSpans, sorted. */
export function toUptimeBuckets(
  spans: readonly StateSpan[],
  range: Interval,
  bucketCount: number,
): UptimeBucket[] {
  const count = Math.max(1, Math.floor(bucketCount));
  const width = (range.to - range.from) / count;
  const buckets: UptimeBucket[] = [];
  let first = 0;
  for (let b = 0; b < count; b++) {
    const from = Math.round(range.from + b * width);
    const to = b === count - 1 ? range.to : Math.round(range.from + (b + 1) * width);
    const bucket = emptyBucket(from, to);
    while (first < spans.length && spans[first]!.to <= from) first++;
    let covered = 0;
    for (let i = first; i < spans.length && spans[i]!.from < to; i++) {
      const span = spans[i]!;
      const ms = Math.min(span.to, to) - Math.max(span.from, from);
      if (ms <= 0) continue;
      addSeconds(bucket, span.state, ms / 1000);
      if (span.state !== 'no-data') covered += ms;
      if (RANK[span.state] > RANK[bucket.state]) {
        bucket.state = span.state;
        bucket.cause = span.cause;
      }
    }
    bucket.noDataSec = Math.max(0, (to - from - covered) / 1000);
    buckets.push(bucket);
  }
  return buckets;
}

function emptyBucket(from: number, to: number): UptimeBucket {
  return {
    from,
    to,
    state: 'no-data',
    cause: null,
    upSec: 0,
    downSec: 0,
    plannedSec: 0,
    degradedSec: 0,
    noDataSec: 0,
  };
}

function addSeconds(bucket: UptimeBucket, state: GroupState, sec: number): void {
  if (state === 'up') bucket.upSec += sec;
  else if (state === 'down') bucket.downSec += sec;
  else if (state === 'planned') bucket.plannedSec += sec;
  else if (state === 'degraded') bucket.degradedSec += sec;
}
