/**
 * Rollups are stored as runs: a row stands for `span` buckets in a row (bucket … bucket + span − 1), each of which
 * had its figures. A bucket joins the run before it when it follows it directly (a bucket without coverage has no
 * row, so a gap ends a run), stays within the run's `limit` buckets (a minute within its hour, an hour within its
 * day: the next level reads whole runs) and its figures did not change from the run's first bucket. Pure.
 */
import type { BackendRollupRow, RollupRow, TrafficRollup } from '@/lib/health/rollup-samples';
import { timeMoved, trafficChanged } from './figure-changes';

export interface Run<R> {
  /** First bucket (epoch minutes or hours). */
  bucket: number;
  span: number;
  /** The first bucket's figures, which the run stands for. */
  row: R;
}

export interface RunRules<R> {
  bucketMs: number;
  limit: number;
  changed: (run: R, next: R) => boolean;
}

/**
 * Groups one series' bucket rows (sorted by start, at most one per bucket) into runs. `open` is the stored run that
 * ends where the rows begin, which they may extend: it comes back first, with its span grown or as it was.
 */
export function toRuns<R extends { start: number }>(
  rows: readonly R[],
  rules: RunRules<R>,
  open: Run<R> | null = null,
): Run<R>[] {
  const runs: Run<R>[] = open ? [{ ...open }] : [];
  for (const row of rows) {
    const bucket = row.start / rules.bucketMs;
    const run = runs.at(-1);
    const joins =
      run !== undefined &&
      run.bucket + run.span === bucket &&
      Math.floor(run.bucket / rules.limit) === Math.floor(bucket / rules.limit) &&
      !rules.changed(run.row, row);
    if (joins) run.span += 1;
    else runs.push({ bucket, span: 1, row });
  }
  return runs;
}

/**
 * A server's bucket changed: its time split (up, down, planned, no data), worst state, sessions, session rate,
 * queue or error rates differ at all, or a check duration, rtime, ttime or bytes rate (mean or maximum) moved
 * beyond the tolerance raw samples are written with (figure-changes.ts): a run is within it of every bucket.
 */
export function serverRollupChanged(run: RollupRow, next: RollupRow): boolean {
  return (
    run.upMs !== next.upMs ||
    run.downMs !== next.downMs ||
    run.plannedMs !== next.plannedMs ||
    run.noDataMs !== next.noDataMs ||
    run.worstSeverity !== next.worstSeverity ||
    run.sessionsAvg !== next.sessionsAvg ||
    run.sessionsMax !== next.sessionsMax ||
    run.rateAvg !== next.rateAvg ||
    run.rateMax !== next.rateMax ||
    run.queueMax !== next.queueMax ||
    timeMoved(run.checkDurationMs, next.checkDurationMs) ||
    timeMoved(run.checkDurationMaxMs, next.checkDurationMaxMs) ||
    trafficRollupChanged(run, next)
  );
}

/** A backend's own bucket changed: its coverage, sessions or session rate differ, or its traffic changed. */
export function backendRollupChanged(run: BackendRollupRow, next: BackendRollupRow): boolean {
  return (
    run.coveredMs !== next.coveredMs ||
    run.noDataMs !== next.noDataMs ||
    run.sessionsAvg !== next.sessionsAvg ||
    run.sessionsMax !== next.sessionsMax ||
    run.rateAvg !== next.rateAvg ||
    run.rateMax !== next.rateMax ||
    trafficRollupChanged(run, next)
  );
}

function trafficRollupChanged(run: TrafficRollup, next: TrafficRollup): boolean {
  return (
    run.http5xxRateMax !== next.http5xxRateMax ||
    timeMoved(run.responseMaxMs, next.responseMaxMs) ||
    timeMoved(run.totalMaxMs, next.totalMaxMs) ||
    trafficChanged(run, next)
  );
}
