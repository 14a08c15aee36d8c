import { describe, expect, test } from 'vitest';
import { advanceAlerts, isNotifiable } from './alert-state';
import type { AlertCondition, AlertRecord } from './types';

const condition = (id: string, graceMs = 0, extra: Partial<AlertCondition> = {}): AlertCondition => ({
  id,
  kind: 'down',
  severity: 'critical',
  target: { instance: 'i', backend: 'b', server: id, pool: null },
  summary: `${id} is down`,
  graceMs,
  groupId: null,
  ...extra,
});

/** Runs evaluations at the given times with the given condition sets; returns every step. */
function play(steps: [number, AlertCondition[]][]) {
  let active = new Map<string, AlertRecord>();
  return steps.map(([now, conditions]) => {
    const step = advanceAlerts(active, conditions, now);
    active = step.active;
    return step;
  });
}

describe('advanceAlerts', () => {
  test('no grace: fires at once, resolves when the condition clears', () => {
    const [first, second] = play([
      [1000, [condition('a')]],
      [3000, []],
    ]);
    expect(first!.changes.map((c) => [c.alert.id, c.change, c.alert.state])).toEqual([
      ['a', 'fired', 'firing'],
    ]);
    expect(second!.changes.map((c) => [c.change, c.alert.resolvedAt, c.alert.since])).toEqual([
      ['resolved', 3000, 1000],
    ]);
    expect(second!.active.size).toBe(0);
  });

  test.each([
    // grace, times the condition is seen, expected changes
    [5000, [0, 2000, 4000], []],
    [5000, [0, 2000, 4000, 6000], ['fired@6000']],
    [0, [0, 2000], ['fired@0']],
  ])('grace %i ms, seen at %j → %j', (grace, times, expected) => {
    const steps = play(times.map((t) => [t, [condition('a', grace)]]));
    expect(steps.flatMap((s) => s.changes.map((c) => `${c.change}@${c.alert.firedAt}`))).toEqual(expected);
  });

  test('a pending alert that clears before its grace leaves no trace', () => {
    const steps = play([
      [0, [condition('a', 5000)]],
      [2000, []],
      [10000, []],
    ]);
    expect(steps.flatMap((s) => s.changes)).toEqual([]);
  });

  test('the summary of a firing alert can change without re-firing', () => {
    const steps = play([
      [0, [condition('a')]],
      [40_000, [condition('a', 0, { summary: 'a flapped 6 times' })]],
      [42_000, [condition('a', 0, { summary: 'a flapped 6 times' })]],
    ]);
    expect(steps.map((s) => s.changes.map((c) => c.change))).toEqual([['fired'], ['updated'], []]);
  });

  test('a summary whose figure moves every poll is saved again at most every 30 s', () => {
    // a 5xx share that changes at each 2 s poll, for 70 s after firing at 0
    const polls: [number, AlertCondition[]][] = [];
    for (let at = 0; at <= 70_000; at += 2000)
      polls.push([at, [condition('a', 0, { summary: `${at / 1000} %` })]]);
    const steps = play(polls);
    const updates = steps.flatMap((s, i) =>
      s.changes.filter((c) => c.change === 'updated').map((c) => [polls[i]![0], c.alert.summary]),
    );
    expect(updates).toEqual([
      [30_000, '30 %'],
      [60_000, '60 %'],
    ]);
    // between saves the record keeps the saved summary, so what the API shows is what the log says
    expect(steps[20]!.active.get('a')!.summary).toBe('30 %');
  });

  test('a firing group inhibits its members, and they are not notified alone', () => {
    const pool = condition('pool', 0, {
      kind: 'flapping',
      target: { instance: null, backend: null, server: null, pool: 'p' },
    });
    const member = (id: string) => condition(id, 0, { kind: 'flapping', groupId: 'pool' });
    const [step] = play([[0, [pool, member('s1'), member('s2')]]]);
    expect(step!.active.get('s1')!.inhibitedBy).toBe('pool');
    expect(step!.changes.filter(isNotifiable).map((c) => c.alert.id)).toEqual(['pool']);
  });

  test('members are notified when the group is not firing', () => {
    const [step] = play([[0, [condition('s1', 0, { groupId: 'pool' })]]]);
    expect(step!.changes.filter(isNotifiable).map((c) => c.alert.id)).toEqual(['s1']);
  });

  test('an alert already firing when its group fires (5xx, then the backend goes down) is updated, not re-notified', () => {
    const errors = (groupId: string | null) => condition('5xx', 0, { kind: 'http-5xx', groupId });
    const down = condition('down', 2000, {
      target: { instance: 'i', backend: 'b', server: null, pool: null },
    });
    const steps = play([
      [0, [errors(null)]],
      [1000, [down, errors('down')]],
      [3000, [down, errors('down')]],
      [4000, [down, errors('down')]],
      [5000, []],
    ]);
    expect(
      steps.map((s) => s.changes.map((c) => [c.alert.id, c.change, c.alert.inhibitedBy, isNotifiable(c)])),
    ).toEqual([
      [['5xx', 'fired', null, true]],
      [], // grouped under an alert still pending: nothing to tell yet
      [
        ['down', 'fired', null, true],
        ['5xx', 'updated', 'down', false],
      ],
      [],
      [
        ['down', 'resolved', null, true],
        ['5xx', 'resolved', 'down', false],
      ],
    ]);
  });
});
