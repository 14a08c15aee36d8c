import { describe, expect, test } from 'vitest';
import { noTrafficRollup, type BackendRollupRow, type RollupRow } from '@/lib/health/rollup-samples';
import { backendRollupChanged, serverRollupChanged, toRuns, type Run } from './rollup-runs';

const MINUTE = 60_000;

/** Minute rows of one figure, from the first minute of an hour (epoch minute 600 = 10:00 on 1970-01-01). */
const minutes = (values: (number | null)[], first = 600) =>
  values.flatMap((v, i) => (v === null ? [] : [{ start: (first + i) * MINUTE, v }]));
const rules = {
  bucketMs: MINUTE,
  limit: 60,
  changed: (run: { v: number }, next: { v: number }) => Math.abs(next.v - run.v) > 2,
};
const shape = (runs: Run<{ v: number }>[]) => runs.map((r) => [r.bucket, r.span, r.row.v]);

describe('toRuns: which minutes one stored row stands for', () => {
  test.each<[string, (number | null)[], number[][]]>([
    ['unchanged minutes: one run', [5, 5, 5, 5], [[600, 4, 5]]],
    ['within the tolerance: one run, with the first minute’s figure', [5, 6, 7, 4], [[600, 4, 5]]],
    [
      'compared with the run’s first minute, not the last: no drift',
      [10, 12, 13, 14],
      [
        [600, 2, 10],
        [602, 2, 13],
      ],
    ],
    [
      'a change starts a run; going back starts another',
      [5, 9, 5],
      [
        [600, 1, 5],
        [601, 1, 9],
        [602, 1, 5],
      ],
    ],
    [
      'a minute without a row (no coverage) ends a run',
      [5, 5, null, 5],
      [
        [600, 2, 5],
        [603, 1, 5],
      ],
    ],
  ])('%s', (_what, values, expected) => {
    expect(shape(toRuns(minutes(values), rules))).toEqual(expected);
  });

  test('a run ends with its hour', () => {
    const rows = minutes([5, 5, 5, 5], 658);
    expect(shape(toRuns(rows, rules))).toEqual([
      [658, 2, 5],
      [660, 2, 5],
    ]);
  });

  test('the stored run before the window grows when the first minutes follow it unchanged', () => {
    const open = { bucket: 605, span: 5, row: { start: 605 * MINUTE, v: 5 } };
    expect(shape(toRuns(minutes([6, 5, 9], 610), rules, open))).toEqual([
      [605, 7, 5],
      [612, 1, 9],
    ]);
    expect(open.span).toBe(5);
  });

  test('the stored run before stays as it was when the window starts with a change or a new hour', () => {
    const open = { bucket: 605, span: 5, row: { start: 605 * MINUTE, v: 5 } };
    expect(shape(toRuns(minutes([9], 610), rules, open))).toEqual([
      [605, 5, 5],
      [610, 1, 9],
    ]);
    const lastHour = { bucket: 650, span: 10, row: { start: 650 * MINUTE, v: 5 } };
    expect(shape(toRuns(minutes([5], 660), rules, lastHour))).toEqual([
      [650, 10, 5],
      [660, 1, 5],
    ]);
  });
});

const server: RollupRow = {
  start: 0,
  upMs: 60_000,
  downMs: 0,
  plannedMs: 0,
  noDataMs: 0,
  worstSeverity: 6,
  checkDurationMs: 20,
  checkDurationMaxMs: 22,
  sessionsAvg: 1.5,
  sessionsMax: 3,
  rateAvg: 0.5,
  rateMax: 1,
  queueMax: 0,
  ...noTrafficRollup(),
  http5xxRate: 0,
  http5xxRateMax: 0,
  responseMs: 100,
  responseMaxMs: 120,
  bytesInRate: 10_000,
};

describe('serverRollupChanged: what makes a minute start a new row', () => {
  test.each<[string, Partial<RollupRow>, boolean]>([
    ['nothing', {}, false],
    ['another minute, same figures', { start: 60_000 }, false],
    ['a second down', { upMs: 59_000, downMs: 1000 }, true],
    ['planned time', { upMs: 50_000, plannedMs: 10_000 }, true],
    ['a second without data', { upMs: 59_000, noDataMs: 1000 }, true],
    ['a worse state seen', { worstSeverity: 1 }, true],
    ['sessions by 0.1', { sessionsAvg: 1.6 }, true],
    ['peak sessions', { sessionsMax: 4 }, true],
    ['session rate', { rateAvg: 0.6 }, true],
    ['peak session rate', { rateMax: 2 }, true],
    ['a queue', { queueMax: 1 }, true],
    ['check duration by 2 ms (jitter)', { checkDurationMs: 22 }, false],
    ['check duration by 2.1 ms', { checkDurationMs: 22.1 }, true],
    ['longest check by 2 ms', { checkDurationMaxMs: 24 }, false],
    ['longest check by 3 ms', { checkDurationMaxMs: 25 }, true],
    ['check duration unknown', { checkDurationMs: null }, true],
    ['a 5xx', { http5xxRate: 0.0003 }, true],
    ['a 5xx peak', { http5xxRateMax: 0.5 }, true],
    ['connection errors become known', { connectionErrorsRate: 0 }, true],
    ['rtime by 10 ms (10 %)', { responseMs: 110 }, false],
    ['rtime by 11 ms', { responseMs: 111 }, true],
    ['longest rtime by 12 ms (10 %)', { responseMaxMs: 132 }, false],
    ['longest rtime by 13 ms', { responseMaxMs: 133 }, true],
    ['bytes in by 1000 B/s (10 %)', { bytesInRate: 11_000 }, false],
    ['bytes in by 1100 B/s', { bytesInRate: 11_100 }, true],
  ])('%s → %s', (_what, patch, changed) => {
    expect(serverRollupChanged(server, { ...server, ...patch })).toBe(changed);
  });
});

const backend: BackendRollupRow = {
  start: 0,
  coveredMs: 60_000,
  noDataMs: 0,
  sessionsAvg: 4,
  sessionsMax: 5,
  rateAvg: 2,
  rateMax: 2,
  ...noTrafficRollup(),
  totalMs: 300,
  totalMaxMs: 310,
};

describe('backendRollupChanged', () => {
  test.each<[string, Partial<BackendRollupRow>, boolean]>([
    ['nothing', {}, false],
    ['less coverage', { coveredMs: 30_000, noDataMs: 30_000 }, true],
    ['sessions', { sessionsAvg: 4.5 }, true],
    ['peak session rate', { rateMax: 3 }, true],
    ['its own 503s', { http5xxRate: 1.5, http5xxRateMax: 3 }, true],
    ['ttime by 30 ms (10 %)', { totalMs: 330 }, false],
    ['ttime by 31 ms', { totalMs: 331 }, true],
    ['longest ttime by 32 ms', { totalMaxMs: 342 }, true],
  ])('%s → %s', (_what, patch, changed) => {
    expect(backendRollupChanged(backend, { ...backend, ...patch })).toBe(changed);
  });
});
