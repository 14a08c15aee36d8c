import { describe, expect, test } from 'vitest';
import { isUsable, normalizeServerStatus, severityOf } from './server-status';

describe('normalizeServerStatus', () => {
  test.each([
    ['UP', 'UP', null],
    ['UP 1/2', 'UP', 'going-down'],
    ['UP 2/3', 'UP', 'going-down'],
    ['DOWN', 'DOWN', null],
    ['DOWN 1/2', 'DOWN', 'going-up'],
    ['DOWN (agent)', 'DOWN', null],
    ['NOLB', 'NOLB', null],
    ['NOLB 1/3', 'NOLB', 'going-down'],
    ['DRAIN', 'DRAIN', null],
    ['DRAIN 1/2', 'DRAIN', 'going-down'],
    ['DRAIN (agent)', 'DRAIN', null],
    ['MAINT', 'MAINT', null],
    ['MAINT (via be_app/maint1)', 'MAINT', null],
    ['MAINT (resolution)', 'MAINT', null],
    ['MAINT(via)', 'MAINT', null],
    ['no check', 'NOCHECK', null],
    [' UP ', 'UP', null],
    ['', 'DOWN', null],
    ['SOMETHING NEW', 'DOWN', null],
  ] as const)('%j → %s %s', (raw, status, transition) => {
    expect(normalizeServerStatus(raw)).toEqual({ status, transition });
  });
});

describe('isUsable', () => {
  test.each([
    ['UP', 1, true],
    ['UP', 0, false],
    ['NOCHECK', 1, true],
    ['DOWN', 1, false],
    ['MAINT', 1, false],
    ['DRAIN', 1, false],
    ['NOLB', 1, false],
  ] as const)('%s weight %i → %s', (status, weight, usable) => {
    expect(isUsable(status, weight)).toBe(usable);
  });
});

test('a server going down sorts between DOWN and steady states', () => {
  expect(severityOf('DOWN', null)).toBeLessThan(severityOf('UP', 'going-down'));
  expect(severityOf('UP', 'going-down')).toBeLessThan(severityOf('MAINT', null));
  expect(severityOf('MAINT', null)).toBeLessThan(severityOf('UP', null));
});
