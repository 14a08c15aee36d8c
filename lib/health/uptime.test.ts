import { describe, expect, test } from 'vitest';
import type { StatusPoint } from './history-types';
import { serverSegments, type TimelineChange } from './timeline';
import { computeGroupUptime, computePoolUptime, computeServerUptime, groupSpans } from './uptime';
import { toUptimeBuckets } from './uptime-buckets';

const S = 1000;
const RANGE = { from: 0, to: 100 * S };
const p = (status: StatusPoint['status'], transition: StatusPoint['transition'] = null): StatusPoint => ({
  status,
  transition,
});
const change = (atSec: number, to: StatusPoint, checkStatus: string | null = null): TimelineChange => ({
  at: atSec * S,
  to,
  checkStatus,
  description: checkStatus ? 'Layer7 wrong status' : null,
});

describe('server uptime', () => {
  test.each([
    ['all UP', p('UP'), [], [], { upSec: 100, downSec: 0, plannedSec: 0, noDataSec: 0, uptimePct: 100 }],
    [
      'DOWN for 10 s',
      p('UP'),
      [change(40, p('DOWN')), change(50, p('UP'))],
      [],
      { upSec: 90, downSec: 10, uptimePct: 90 },
    ],
    [
      'MAINT is planned: out of the denominator',
      p('UP'),
      [change(20, p('MAINT')), change(70, p('DOWN')), change(80, p('UP'))],
      [],
      { upSec: 40, downSec: 10, plannedSec: 50, uptimePct: 80 },
    ],
    [
      'DRAIN is planned',
      p('DRAIN'),
      [change(50, p('UP'))],
      [],
      { upSec: 50, plannedSec: 50, uptimePct: 100 },
    ],
    [
      'UP going-down and NOLB count as up, DOWN going-up as down',
      p('UP', 'going-down'),
      [change(25, p('NOLB')), change(50, p('DOWN', 'going-up')), change(75, p('NOCHECK'))],
      [],
      { upSec: 75, downSec: 25, uptimePct: 75 },
    ],
    [
      'no data is never downtime',
      p('DOWN'),
      [],
      [{ from: 0, to: 60 * S }],
      { upSec: 0, downSec: 40, noDataSec: 60, uptimePct: 0 },
    ],
    [
      'a change inside a gap shows after it',
      p('UP'),
      [change(30, p('DOWN'))],
      [{ from: 20 * S, to: 50 * S }],
      { upSec: 20, downSec: 50, noDataSec: 30 },
    ],
    [
      'unknown start (not yet seen) is no data',
      null,
      [change(30, p('UP'))],
      [],
      { upSec: 70, noDataSec: 30 },
    ],
    ['all planned: no percentage', p('MAINT'), [], [], { plannedSec: 100, uptimePct: null }],
  ])('%s', (_name, initial, changes, noData, expected) => {
    expect(computeServerUptime({ initial, changes, noData }, RANGE)).toMatchObject(expected);
  });
});

const segs = (
  initial: StatusPoint,
  changes: TimelineChange[] = [],
  noData = [] as { from: number; to: number }[],
) => serverSegments({ initial, changes, noData }, RANGE);

describe('backend and pool uptime', () => {
  test('up while any active serves; degraded while only backups serve; down when none does', () => {
    const figures = computeGroupUptime(
      [
        {
          backup: false,
          segments: segs(p('UP'), [change(20, p('DOWN', null), 'L7STS'), change(80, p('UP'))]),
        },
        { backup: true, segments: segs(p('UP'), [change(50, p('DOWN')), change(60, p('UP'))]) },
      ],
      RANGE,
    );
    expect(figures).toMatchObject({ upSec: 90, degradedSec: 50, downSec: 10, uptimePct: 90 });
  });

  test('all in maintenance is planned; NOLB alone is not serving', () => {
    const spans = groupSpans(
      [
        { backup: false, segments: segs(p('MAINT')) },
        { backup: false, segments: segs(p('NOLB')) },
      ],
      RANGE,
    );
    expect(spans).toEqual([{ from: 0, to: 100 * S, state: 'planned', cause: null }]);
  });

  test('servers without data do not count; none covered is no data', () => {
    const figures = computeGroupUptime(
      [
        { backup: false, segments: segs(p('DOWN'), [], [{ from: 0, to: 50 * S }]) },
        { backup: false, segments: segs(p('UP'), [], [{ from: 0, to: 30 * S }]) },
      ],
      RANGE,
    );
    expect(figures).toMatchObject({ noDataSec: 30, downSec: 0, upSec: 70, uptimePct: 100 });
  });

  test('pools group by the pool field; an unknown pool has no figures', () => {
    const members = [
      { backup: false, pool: 'eu', segments: segs(p('DOWN'), [change(50, p('UP'))]) },
      { backup: true, pool: 'eu', segments: segs(p('DOWN'), [change(75, p('UP'))]) },
      { backup: false, pool: 'us', segments: segs(p('UP')) },
    ];
    expect(computePoolUptime('eu', members, RANGE)).toMatchObject({ upSec: 50, downSec: 50, degradedSec: 0 });
    expect(computePoolUptime('asia', members, RANGE)).toBeNull();
  });
});

describe('uptime buckets', () => {
  test('worst state per bucket with its cause; uncovered buckets are no data', () => {
    const spans = segs(
      p('UP'),
      [change(25, p('MAINT')), change(35, p('DOWN'), 'L7STS'), change(38, p('UP'))],
      [{ from: 75 * S, to: 100 * S }],
    );
    const buckets = toUptimeBuckets(spans, RANGE, 4);
    expect(buckets.map((b) => b.state)).toEqual(['up', 'down', 'up', 'no-data']);
    expect(buckets[1]).toMatchObject({
      from: 25 * S,
      to: 50 * S,
      cause: { checkStatus: 'L7STS', description: 'Layer7 wrong status' },
      downSec: 3,
      plannedSec: 10,
      upSec: 12,
    });
    expect(buckets[3]).toMatchObject({ noDataSec: 25, cause: null });
  });

  test.each([
    ['degraded beats planned', ['planned', 'degraded'], 'degraded'],
    ['down beats degraded', ['degraded', 'down'], 'down'],
    ['planned beats up', ['up', 'planned'], 'planned'],
    ['covered beats no-data', ['no-data', 'up'], 'up'],
  ] as const)('%s', (_name, states, worst) => {
    const spans = states.map((state, i) => ({ from: i * 50 * S, to: (i + 1) * 50 * S, state, cause: null }));
    expect(toUptimeBuckets(spans, RANGE, 1)[0]!.state).toBe(worst);
  });
});
