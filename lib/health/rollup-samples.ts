/**
 * Rolls a server's or a backend's raw samples into fixed buckets (minutes): for servers time up/down/planned/
 * no-data and the worst state; for both time-weighted averages and maxima. A sample holds until the next one,
 * within coverage only. A nullable figure's mean is over the time it was known (NULL-aware). Pure.
 */
import type { Interval } from './history-types';
import { severityOf } from './server-status';
import { classifyStatus } from './timeline';
import type { ServerStatus, Transition } from './types';

/** What a server's and a backend's samples both carry of their traffic: rates per second, times in ms. */
export interface TrafficSample {
  http5xxRate: number | null;
  connectionErrorsRate: number | null;
  responseErrorsRate: number | null;
  /** rtime */
  responseMs: number | null;
  /** ttime */
  totalMs: number | null;
  bytesInRate: number | null;
  bytesOutRate: number | null;
}
export type TrafficFigure = keyof TrafficSample;

/**
 * Each figure, with the decimals its rolled-up mean keeps and, for those whose peaks matter, the name of its
 * maximum. Error rates keep 4 decimals (one error an hour is 0.0003/s); whole ms and bytes are stored as
 * integers, a third of a rollup row's size.
 */
export const TRAFFIC_FIGURES = {
  http5xxRate: { decimals: 4, max: 'http5xxRateMax' },
  connectionErrorsRate: { decimals: 4, max: null },
  responseErrorsRate: { decimals: 4, max: null },
  responseMs: { decimals: 0, max: 'responseMaxMs' },
  totalMs: { decimals: 0, max: 'totalMaxMs' },
  bytesInRate: { decimals: 0, max: null },
  bytesOutRate: { decimals: 0, max: null },
} as const satisfies Record<TrafficFigure, { decimals: number; max: string | null }>;
export const TRAFFIC_KEYS = Object.keys(TRAFFIC_FIGURES) as TrafficFigure[];

/** The figures' means over a bucket, and the maxima of those that keep one. */
export interface TrafficRollup extends TrafficSample {
  http5xxRateMax: number | null;
  responseMaxMs: number | null;
  totalMaxMs: number | null;
}

/** What every sample has: its time, sessions, session rate and traffic. */
interface SeriesSample extends TrafficSample {
  at: number;
  sessions: number;
  rate: number;
}

export interface RollupSample extends SeriesSample {
  status: ServerStatus;
  transition: Transition;
  checkDurationMs: number | null;
  queue: number;
}

export interface RollupRow extends TrafficRollup {
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

/** A backend's own HAProxy row, which counts what its servers' rows do not (the 503s it answers itself). */
export type BackendRollupSample = SeriesSample;

export interface BackendRollupRow extends TrafficRollup {
  start: number;
  /** Time within coverage: the weight of this bucket's means in a coarser one. */
  coveredMs: number;
  noDataMs: number;
  sessionsAvg: number;
  sessionsMax: number;
  rateAvg: number;
  rateMax: number;
}

/** A NULL-aware time-weighted mean with its maximum. */
interface Mean {
  weighted: number;
  knownMs: number;
  max: number | null;
}

type Traffic = Record<TrafficFigure, Mean>;

interface Accumulator<R> {
  row: R;
  coveredMs: number;
  check: Mean;
  sessions: Mean;
  rate: Mean;
  traffic: Traffic;
}

/** samples sorted by time (include the last one before windowFrom); covered sorted and disjoint. */
export function rollupSamples(
  samples: readonly RollupSample[],
  covered: readonly Interval[],
  windowFrom: number,
  bucketMs: number,
  bucketCount: number,
): RollupRow[] {
  const window = { from: windowFrom, bucketMs, bucketCount };
  return spread(samples, covered, window, newServerRow, addServerSample).map((acc) => {
    const row = acc.row;
    row.noDataMs = bucketMs - acc.coveredMs;
    row.checkDurationMs = meanOf(acc.check, 1);
    row.checkDurationMaxMs = acc.check.max;
    Object.assign(row, sessionFigures(acc), trafficRollup(acc.traffic));
    return row;
  });
}

export function rollupBackendSamples(
  samples: readonly BackendRollupSample[],
  covered: readonly Interval[],
  windowFrom: number,
  bucketMs: number,
  bucketCount: number,
): BackendRollupRow[] {
  const window = { from: windowFrom, bucketMs, bucketCount };
  return spread(samples, covered, window, newBackendRow, () => {}).map((acc) => ({
    ...acc.row,
    coveredMs: acc.coveredMs,
    noDataMs: bucketMs - acc.coveredMs,
    ...sessionFigures(acc),
    ...trafficRollup(acc.traffic),
  }));
}

interface Window {
  from: number;
  bucketMs: number;
  bucketCount: number;
}

/** Cuts each sample's hold (until the next sample, within coverage) into the window's buckets. */
function spread<S extends SeriesSample, R extends { start: number }>(
  samples: readonly S[],
  covered: readonly Interval[],
  window: Window,
  newRow: (start: number) => R,
  addOwn: (acc: Accumulator<R>, sample: S, ms: number) => void,
): Accumulator<R>[] {
  const { from: windowFrom, bucketMs } = window;
  const windowTo = windowFrom + bucketMs * window.bucketCount;
  const accumulators = new Map<number, Accumulator<R>>();
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i]!;
    const holdFrom = Math.max(sample.at, windowFrom);
    const holdTo = Math.min(samples[i + 1]?.at ?? windowTo, windowTo);
    if (holdTo <= holdFrom) continue;
    for (const interval of covered) {
      const from = Math.max(holdFrom, interval.from);
      const to = Math.min(holdTo, interval.to);
      if (to <= from) continue;
      for (
        let start = windowFrom + Math.floor((from - windowFrom) / bucketMs) * bucketMs;
        start < to;
        start += bucketMs
      ) {
        const ms = Math.min(to, start + bucketMs) - Math.max(from, start);
        if (ms <= 0) continue;
        let acc = accumulators.get(start);
        if (!acc) accumulators.set(start, (acc = newAccumulator(newRow(start))));
        acc.coveredMs += ms;
        add(acc.sessions, sample.sessions, ms);
        add(acc.rate, sample.rate, ms);
        for (const key of TRAFFIC_KEYS) add(acc.traffic[key], sample[key], ms);
        addOwn(acc, sample, ms);
      }
    }
  }
  return [...accumulators.values()].sort((a, b) => a.row.start - b.row.start);
}

function addServerSample(acc: Accumulator<RollupRow>, sample: RollupSample, ms: number): void {
  const row = acc.row;
  const cls = classifyStatus(sample);
  if (cls === 'up') row.upMs += ms;
  else if (cls === 'down') row.downMs += ms;
  else row.plannedMs += ms;
  row.worstSeverity = Math.min(row.worstSeverity, severityOf(sample.status, sample.transition));
  row.queueMax = Math.max(row.queueMax, sample.queue);
  add(acc.check, sample.checkDurationMs, ms);
}

function newServerRow(start: number): RollupRow {
  return {
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
    ...noTrafficRollup(),
  };
}

const newBackendRow = (start: number) => ({ start });

function newAccumulator<R>(row: R): Accumulator<R> {
  const traffic = {} as Traffic;
  for (const key of TRAFFIC_KEYS) traffic[key] = emptyMean();
  return { row, coveredMs: 0, check: emptyMean(), sessions: emptyMean(), rate: emptyMean(), traffic };
}

const emptyMean = (): Mean => ({ weighted: 0, knownMs: 0, max: null });

function add(mean: Mean, value: number | null, ms: number): void {
  if (value === null) return;
  mean.weighted += value * ms;
  mean.knownMs += ms;
  mean.max = mean.max === null ? value : Math.max(mean.max, value);
}

const round = (n: number, decimals: number) => {
  const scale = 10 ** decimals;
  return Math.round(n * scale) / scale;
};
const meanOf = (mean: Mean, decimals: number) =>
  mean.knownMs > 0 ? round(mean.weighted / mean.knownMs, decimals) : null;

function sessionFigures(acc: Accumulator<unknown>) {
  return {
    sessionsAvg: meanOf(acc.sessions, 1) ?? 0,
    sessionsMax: acc.sessions.max ?? 0,
    rateAvg: meanOf(acc.rate, 1) ?? 0,
    rateMax: acc.rate.max ?? 0,
  };
}

function trafficRollup(traffic: Traffic): TrafficRollup {
  const row = noTrafficRollup();
  for (const key of TRAFFIC_KEYS) {
    const { decimals, max } = TRAFFIC_FIGURES[key];
    row[key] = meanOf(traffic[key], decimals);
    if (max) row[max] = traffic[key].max;
  }
  return row;
}

export const noTrafficRollup = (): TrafficRollup => ({
  http5xxRate: null,
  http5xxRateMax: null,
  connectionErrorsRate: null,
  responseErrorsRate: null,
  responseMs: null,
  responseMaxMs: null,
  totalMs: null,
  totalMaxMs: null,
  bytesInRate: null,
  bytesOutRate: null,
});
