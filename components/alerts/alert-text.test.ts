import { describe, expect, test } from 'vitest';
import type { AlertTarget } from '@/lib/alerts/types';
import { alertUrl, isAnnounced, notificationText, targetLabel } from './alert-text';

const target = (t: Partial<AlertTarget>): AlertTarget => ({
  instance: null,
  backend: null,
  server: null,
  pool: null,
  ...t,
});

describe('alertUrl', () => {
  test.each([
    [
      target({ instance: 'main', backend: 'code be', server: 'agent1', pool: 'p' }),
      '/backends/main/code%20be',
    ],
    [target({ instance: 'main', backend: 'api' }), '/backends/main/api'],
    [target({ pool: 'pool-a' }), '/pools/pool-a'],
    [target({ instance: 'eu' }), '/alerts'],
  ])('%j → %s', (t, url) => {
    expect(alertUrl({ target: t })).toBe(url);
  });
});

describe('targetLabel', () => {
  test.each([
    [target({ instance: 'main', backend: 'be', server: 's1' }), 'be/s1'],
    [target({ instance: 'main', backend: 'be' }), 'be'],
    [target({ pool: 'pool-a' }), 'pool pool-a'],
    [target({ instance: 'eu' }), 'source eu'],
  ])('%j → %s', (t, label) => {
    expect(targetLabel({ target: t })).toBe(label);
  });
});

describe('notificationText', () => {
  const flap = {
    kind: 'flapping' as const,
    summary: 'agent1 in pool-a flapped 6 times in 42 s, check L7STS 503',
    target: target({ instance: 'main', backend: 'codeserver', server: 'agent1', pool: 'pool-a' }),
  };
  test('a fired alert says what and where, the body is the rule sentence', () => {
    expect(notificationText({ ...flap, change: 'fired' })).toEqual({
      title: 'Flapping: codeserver/agent1',
      body: 'agent1 in pool-a flapped 6 times in 42 s, check L7STS 503',
    });
  });
  test('a resolution says so first', () => {
    expect(notificationText({ ...flap, change: 'resolved' }).title).toBe(
      'Resolved — Flapping: codeserver/agent1',
    );
  });
});

test.each([
  ['fired', true, true],
  ['resolved', true, true],
  ['fired', false, false],
  ['updated', true, false],
  ['acknowledged', false, false],
] as const)('isAnnounced(%s, notify %s) → %s', (change, notify, announced) => {
  expect(isAnnounced({ change, notify })).toBe(announced);
});
