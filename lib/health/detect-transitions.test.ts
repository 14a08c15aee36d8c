import { describe, expect, test } from 'vitest';
import {
  detectTransitions,
  type DetectContext,
  type PreviousReading,
  type ServerCounters,
  type ServerReading,
} from './detect-transitions';
import { detectReload } from './detect-reload';
import type { StatusPoint } from './history-types';

const STATES: StatusPoint[] = [
  { status: 'UP', transition: null },
  { status: 'UP', transition: 'going-down' },
  { status: 'DOWN', transition: null },
  { status: 'DOWN', transition: 'going-up' },
  { status: 'NOLB', transition: null },
  { status: 'NOLB', transition: 'going-down' },
  { status: 'DRAIN', transition: null },
  { status: 'DRAIN', transition: 'going-down' },
  { status: 'MAINT', transition: null },
  { status: 'NOCHECK', transition: null },
];
const label = (p: StatusPoint) => (p.transition ? `${p.status} ${p.transition}` : p.status);
const counters = (over: Partial<ServerCounters> = {}): ServerCounters => ({
  totalSessions: 100,
  checkFailures: 2,
  checkDowns: 1,
  downtimeSec: 10,
  ...over,
});
const cause = { checkStatus: 'L7STS', checkCode: 503, description: 'Layer7 wrong status' };
const reading = (point: StatusPoint, over: Partial<ServerReading> = {}): ServerReading => ({
  ...point,
  lastChangeSec: 3,
  counters: counters(),
  cause,
  ...over,
});
const previous = (point: StatusPoint, c: ServerCounters | null = counters()): PreviousReading => ({
  ...point,
  counters: c,
});
const POLL: DetectContext = { previousAt: 100_000, at: 110_000, reload: false, contiguous: true };

const pairs = STATES.flatMap((a) => STATES.map((b) => [label(a), label(b), a, b] as const));

describe('every status pair', () => {
  test.each(pairs)('%s → %s', (_a, _b, from, to) => {
    const { transitions } = detectTransitions(previous(from), reading(to), POLL);
    const same = from.status === to.status && from.transition === to.transition;
    expect(transitions).toHaveLength(same ? 0 : 1);
    if (same) return;
    const [change] = transitions;
    expect(change).toMatchObject({
      from,
      to,
      kind: 'observed',
      checkStatus: 'L7STS',
      description: 'Layer7 wrong status',
    });
    // lastchg (3 s) is inside the 10 s window: a status change is back-dated; a transitional-only change is not.
    const statusChanged = from.status !== to.status;
    expect(change!.at).toBe(statusChanged ? 107_000 : 110_000);
    expect(change!.precisionMs).toBe(statusChanged ? 1000 : 10_000);
  });
});

describe('timing', () => {
  test.each([
    ['lastchg inside the window: back-dated', 3, 107_000, 1000],
    ['lastchg older than the window: the poll time', 30, 110_000, 10_000],
    ['lastchg unknown: the poll time', null, 110_000, 10_000],
  ])('%s', (_name, lastChangeSec, at, precisionMs) => {
    const { transitions } = detectTransitions(
      previous({ status: 'UP', transition: null }),
      reading({ status: 'DOWN', transition: null }, { lastChangeSec, counters: counters({ checkDowns: 2 }) }),
      POLL,
    );
    expect(transitions).toEqual([expect.objectContaining({ at, precisionMs })]);
  });

  test('the first sight of a server is no transition', () => {
    expect(detectTransitions(null, reading({ status: 'DOWN', transition: null }), POLL).transitions).toEqual(
      [],
    );
  });
});

describe('chkdown between polls', () => {
  const up = { status: 'UP' as const, transition: null };
  test.each([
    ['UP both times, chkdown +1: one down-and-up pair', up, up, 1, 2],
    ['UP both times, chkdown +3: three pairs', up, up, 3, 6],
    ['UP both times, chkdown unchanged: nothing', up, up, 0, 0],
    [
      'UP → DOWN with chkdown +1: only the observed change',
      up,
      { status: 'DOWN' as const, transition: null },
      1,
      1,
    ],
    [
      'UP → DOWN with chkdown +2: one extra pair plus the change',
      up,
      { status: 'DOWN' as const, transition: null },
      2,
      3,
    ],
  ])('%s', (_name, from, to, rose, expected) => {
    const { transitions } = detectTransitions(
      previous(from),
      reading(to, {
        lastChangeSec: 100,
        counters: counters({ checkDowns: 1 + rose, downtimeSec: 10 + 2 * rose }),
      }),
      POLL,
    );
    expect(transitions).toHaveLength(expected);
    const between = transitions.filter((t) => t.kind === 'between-polls');
    expect(between.map((t) => t.to.status)).toEqual(between.map((_, i) => (i % 2 === 0 ? 'DOWN' : 'UP')));
    for (const t of between) {
      expect(t.at).toBeGreaterThan(POLL.previousAt!);
      expect(t.at).toBeLessThan(POLL.at);
      expect(t.precisionMs).toBe(10_000);
    }
  });

  test('the pair lasts as long as the downtime counter grew', () => {
    const { transitions } = detectTransitions(
      previous({ status: 'UP', transition: null }),
      reading({ status: 'UP', transition: null }, { counters: counters({ checkDowns: 2, downtimeSec: 14 }) }),
      POLL,
    );
    expect(transitions[1]!.at - transitions[0]!.at).toBe(4000);
  });

  test('not across a gap in coverage, nor after a restart (counters unknown)', () => {
    const rose = reading({ status: 'UP', transition: null }, { counters: counters({ checkDowns: 5 }) });
    expect(detectTransitions(previous(rose), rose, { ...POLL, contiguous: false }).transitions).toEqual([]);
    expect(detectTransitions(previous(rose, null), rose, POLL).transitions).toEqual([]);
  });
});

describe('reloads', () => {
  test.each([
    ['stot went down', { totalSessions: 5 }],
    ['chkdown went down', { checkDowns: 0 }],
    ['downtime went down', { downtimeSec: 0 }],
    ['chkfail went down', { checkFailures: 0 }],
  ])('%s: a reset, with no phantom down-and-up', (_name, after) => {
    const result = detectTransitions(
      previous({ status: 'UP', transition: null }),
      reading({ status: 'UP', transition: null }, { counters: counters(after) }),
      POLL,
    );
    expect(result).toEqual({ transitions: [], reset: true });
  });

  test('a state change across a reload is kind reload', () => {
    const { transitions } = detectTransitions(
      previous({ status: 'MAINT', transition: null }),
      reading(
        { status: 'UP', transition: null },
        { lastChangeSec: 2, counters: counters({ checkDowns: 0 }) },
      ),
      POLL,
    );
    expect(transitions).toEqual([expect.objectContaining({ kind: 'reload', at: 108_000 })]);
  });

  test('a reload from show info skips the chkdown inference', () => {
    const { transitions } = detectTransitions(
      previous({ status: 'UP', transition: null }),
      reading({ status: 'UP', transition: null }, { counters: counters({ checkDowns: 3 }) }),
      { ...POLL, reload: true },
    );
    expect(transitions).toEqual([]);
  });

  test.each([
    [
      'same pid, uptime grew with time',
      { pid: 7, uptimeSec: 100, at: 0 },
      { pid: 7, uptimeSec: 160, at: 60_000 },
      false,
    ],
    ['new pid', { pid: 7, uptimeSec: 100, at: 0 }, { pid: 8, uptimeSec: 160, at: 60_000 }, true],
    [
      'uptime went back',
      { pid: null, uptimeSec: 100, at: 0 },
      { pid: null, uptimeSec: 20, at: 60_000 },
      true,
    ],
    [
      'uptime grew less than time passed',
      { pid: null, uptimeSec: 100, at: 0 },
      { pid: null, uptimeSec: 120, at: 600_000 },
      true,
    ],
    ['nothing known before', null, { pid: 8, uptimeSec: 1, at: 0 }, false],
  ])('detectReload: %s', (_name, before, after, expected) => {
    expect(detectReload(before, after)).toBe(expected);
  });
});
