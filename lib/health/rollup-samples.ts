/**
 * Rolls a server's raw samples into fixed buckets (minutes): time up/down/planned/no-data, the worst state, and
 * time-weighted averages and maxima. A sample holds until the next one, within coverage only. Pure.
 */
import type { Interval } from './history-types';
import { severityOf } from './server-status';
import { classifyStatus } from './timeline';
import type { ServerStatus, Transition } from './types';

export interface RollupSample {
  at: number;
  status: ServerStatus;
  transition: Transition;
  checkDurationMs: number | null;
  sessions: number;
  queue: number;
  rate: number;
}

export interface RollupRow {
  /** Bucket start (epoch ms). */
  start: number;
  upMs: number;
  downMs: number;
  plannedMs: number;
  noDataMs: number;
  /** severityOf() of the worst state seen: lower is worse. */
  worstSeverity: number;
  /** Time-weighted mean of the check duration. */
  checkDurationMs: number | null;
  checkDurationMaxMs: number | null;
  sessionsAvg: number;
  sessionsMax: number;
  rateAvg: number;
  rateMax: number;
  queueMax: number;
}

interface Accumulator {
  row: RollupRow;
  checkWeighted: number;
  /** Time during which a check duration was known: the mean's denominator. */
  checkKnownMs: number;
  sessionsWeighted: number;
  rateWeighted: number;
}

/** samples sorted by time (include the last one before windowFrom); covered sorted and disjoint. */
export function rollupSamples(
  samples: readonly RollupSample[],
  covered: readonly Interval[],
  windowFrom: number,
  bucketMs: number,
  bucketCount: number,
): RollupRow[] {
  const windowTo = windowFrom + bucketMs * bucketCount;
  const accumulators = new Map<number, Accumulator>();
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i]!;
    const holdFrom = Math.max(sample.at, windowFrom);
    const holdTo = Math.min(samples[i + 1]?.at ?? windowTo, windowTo);
    if (holdTo <= holdFrom) continue;
    for (const interval of covered) {
      const from = Math.max(holdFrom, interval.from);
      const to = Math.min(holdTo, interval.to);
      if (to > from) spread(accumulators, sample, from, to, windowFrom, bucketMs);
    }
  }
  return [...accumulators.values()].sort((a, b) => a.row.start - b.row.start).map((a) => finish(a, bucketMs));
}

function spread(
  accumulators: Map<number, Accumulator>,
  sample: RollupSample,
  from: number,
  to: number,
  windowFrom: number,
  bucketMs: number,
): void {
  for (
    let start = windowFrom + Math.floor((from - windowFrom) / bucketMs) * bucketMs;
    start < to;
    start += bucketMs
  ) {
    const ms = Math.min(to, start + bucketMs) - Math.max(from, start);
    if (ms <= 0) continue;
    let acc = accumulators.get(start);
    if (!acc) accumulators.set(start, (acc = newAccumulator(start)));
    add(acc, sample, ms);
  }
}

function add(acc: Accumulator, sample: RollupSample, ms: number): void {
  const row = acc.row;
  const cls = classifyStatus(sample);
  if (cls === 'up') row.upMs += ms;
  else if (cls === 'down') row.downMs += ms;
  else row.plannedMs += ms;
  row.worstSeverity = Math.min(row.worstSeverity, severityOf(sample.status, sample.transition));
  if (sample.checkDurationMs !== null) {
    acc.checkWeighted += sample.checkDurationMs * ms;
    acc.checkKnownMs += ms;
    row.checkDurationMaxMs = Math.max(row.checkDurationMaxMs ?? 0, sample.checkDurationMs);
  }
  acc.sessionsWeighted += sample.sessions * ms;
  acc.rateWeighted += sample.rate * ms;
  row.sessionsMax = Math.max(row.sessionsMax, sample.sessions);
  row.rateMax = Math.max(row.rateMax, sample.rate);
  row.queueMax = Math.max(row.queueMax, sample.queue);
}

function newAccumulator(start: number): Accumulator {
  return {
    row: {
      start,
      upMs: 0,
      downMs: 0,
      plannedMs: 0,
      noDataMs: 0,
      worstSeverity: Number.MAX_SAFE_INTEGER,
      checkDurationMs: null,
      checkDurationMaxMs: null,
      sessionsAvg: 0,
      sessionsMax: 0,
      rateAvg: 0,
      rateMax: 0,
      queueMax: 0,
    },
    checkWeighted: 0,
    checkKnownMs: 0,
    sessionsWeighted: 0,
    rateWeighted: 0,
  };
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

function finish(acc: Accumulator, bucketMs: number): RollupRow {
  const row = acc.row;
  const covered = row.upMs + row.downMs + row.plannedMs;
  row.noDataMs = bucketMs - covered;
  row.checkDurationMs = acc.checkKnownMs > 0 ? oneDecimal(acc.checkWeighted / acc.checkKnownMs) : null;
  row.sessionsAvg = oneDecimal(acc.sessionsWeighted / covered);
  row.rateAvg = oneDecimal(acc.rateWeighted / covered);
  return row;
}
