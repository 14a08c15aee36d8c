import { describe, expect, test } from 'vitest';
import {
  emptyFlapState,
  observeFlap,
  weightedChange,
  type FlapObservation,
  type FlapState,
} from './flapping';
import type { ServerStatus } from './types';

const obs = (
  status: ServerStatus,
  checkDowns = 0,
  checkFailures = 0,
  transition: FlapObservation['transition'] = null,
) => ({
  status,
  transition,
  checkDowns,
  checkFailures,
});

function run(observations: FlapObservation[]): FlapState[] {
  const states: FlapState[] = [];
  let state = emptyFlapState();
  for (const observation of observations) {
    state = observeFlap(state, observation);
    states.push(state);
  }
  return states;
}

/** Builds observations from a string: U = up, D = down, M = maint; chkdown follows the UP→DOWN changes. */
function pattern(text: string): FlapObservation[] {
  let downs = 0;
  let previous = '';
  return [...text].map((c) => {
    if (c === 'D' && previous === 'U') downs++;
    previous = c === 'M' ? previous : c;
    return obs(c === 'U' ? 'UP' : c === 'D' ? 'DOWN' : 'MAINT', downs);
  });
}

describe('weightedChange', () => {
  test.each([
    ['steady', 'UUUUUUUUUUUUUUUUUUUUU', 0, 0],
    ['one change in the middle', 'UUUUUUUUUUDDDDDDDDDDD', 1, 4.9],
    ['one change, newest', 'UUUUUUUUUUUUUUUUUUUUD', 1, 6.3],
    ['one change, oldest', 'UDDDDDDDDDDDDDDDDDDDD', 1, 3.8],
    ['alternating every poll', 'UDUDUDUDUDUDUDUDUDUDU', 20, 100],
    ['short history counts against the full window', 'UDU', 2, 12.4],
  ])('%s: %s → %i changes, %f percent', (_name, states, changes, percent) => {
    const result = weightedChange(
      [...states].map((c) => c === 'U'),
      21,
    );
    expect(result.changes).toBe(changes);
    expect(result.percent).toBeCloseTo(percent, 1);
  });
});

describe('observeFlap', () => {
  test('steady UP never flaps', () => {
    expect(run(pattern('U'.repeat(40))).some((s) => s.flapping)).toBe(false);
  });

  test('a single outage is not flapping', () => {
    const states = run(pattern(`${'U'.repeat(10)}${'D'.repeat(20)}${'U'.repeat(10)}`));
    expect(states.some((s) => s.flapping)).toBe(false);
  });

  test('slow oscillation (one change per 15 polls) is not flapping', () => {
    const states = run(pattern(('U'.repeat(15) + 'D'.repeat(15)).repeat(4)));
    expect(states.some((s) => s.flapping)).toBe(false);
  });

  test('fast oscillation (a change every 3 polls) flaps', () => {
    const states = run(pattern('UUUDDD'.repeat(6)));
    expect(states.at(-1)!.flapping).toBe(true);
    expect(states.at(-1)!.percent).toBeGreaterThanOrEqual(20);
  });

  test('a flap faster than the poll, seen only through chkdown rising while UP, flaps', () => {
    // Every poll reads UP, but HAProxy counted a down-and-up between most polls.
    const observations = Array.from({ length: 12 }, (_, i) => obs('UP', Math.floor(i * 0.75)));
    const states = run(observations);
    expect(states.every((s) => s.states.at(-1) === true)).toBe(true);
    expect(states.at(-1)!.flapping).toBe(true);
  });

  test('a chkdown rise with the status DOWN on both polls means it came up and went down again', () => {
    const [, second] = run([obs('DOWN', 3), obs('DOWN', 4)]);
    expect(second!.states).toEqual([false, true, false, false]);
    expect(second!.changes).toBe(2);
  });

  test('an HAProxy reload (counters back to 0) adds no phantom changes', () => {
    const states = run([obs('UP', 40, 90), obs('UP', 0, 0), obs('UP', 0, 0)]);
    expect(states.at(-1)!.changes).toBe(0);
  });

  test.each([
    // percent sequence is driven by a pattern; hysteresis: starts ≥ 20, stays until ≤ 5
    ['starts at the high threshold', 'UUUDDDUUUDDDUUU', true],
    ['stays flapping while between the thresholds', `${'UUUDDD'.repeat(4)}${'U'.repeat(12)}`, true],
    ['stops at or below the low threshold', `${'UUUDDD'.repeat(4)}${'U'.repeat(21)}`, false],
  ])('hysteresis: %s', (_name, text, flapping) => {
    expect(run(pattern(text)).at(-1)!.flapping).toBe(flapping);
  });

  test('MAINT and DRAIN are planned: not scored, not a change', () => {
    const states = run(pattern('UUUMMMMUUU'));
    expect(states.at(-1)!.changes).toBe(0);
    expect(states.at(-1)!.states).toHaveLength(6);
  });

  test.each([
    ['chkfail rose without a state change', [obs('UP', 0, 0), obs('UP', 0, 1)], true],
    ['a transitional UP 1/2', [obs('UP'), obs('UP', 0, 0, 'going-down')], true],
    ['steady', [obs('UP'), obs('UP')], false],
    ['a full change is not "near"', [obs('UP', 0, 0), obs('DOWN', 1, 2)], false],
  ])('near-flap: %s', (_name, observations, near) => {
    expect(run(observations).at(-1)!.nearFlap).toBe(near);
  });
});
