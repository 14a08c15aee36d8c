import { describe, expect, test } from 'vitest';
import { alertTarget } from '@/lib/alerts/types';
import { alertUrl, isAnnounced, kindLabel, notificationText, targetLabel } from './alert-text';

describe('alertUrl', () => {
  test.each([
    [
      alertTarget({ instance: 'main', backend: 'code be', server: 'agent1', pool: 'p' }),
      '/backends/main/code%20be',
    ],
    [alertTarget({ instance: 'main', backend: 'api' }), '/backends/main/api'],
    [alertTarget({ pool: 'pool-a' }), '/pools/pool-a'],
    [alertTarget({ instance: 'eu' }), '/alerts'],
  ])('%j → %s', (t, url) => {
    expect(alertUrl({ target: t })).toBe(url);
  });
});

describe('targetLabel', () => {
  test.each([
    [alertTarget({ instance: 'main', backend: 'be', server: 's1' }), 'be/s1'],
    [alertTarget({ instance: 'main', backend: 'be' }), 'be'],
    [alertTarget({ pool: 'pool-a' }), 'pool pool-a'],
    [alertTarget({ instance: 'eu' }), 'source eu'],
  ])('%j → %s', (t, label) => {
    expect(targetLabel({ target: t })).toBe(label);
  });
});

test.each([
  ['down', 'Down'],
  ['latency', 'Check latency'],
  ['http-5xx', 'HTTP 5xx errors'],
  ['response-time', 'Slow responses'],
] as const)('kindLabel(%s) → %s', (kind, label) => {
  expect(kindLabel(kind)).toBe(label);
});

describe('notificationText', () => {
  const flap = {
    kind: 'flapping' as const,
    summary: 'agent1 in pool-a flapped 6 times in 42 s, check L7STS 503',
    target: alertTarget({ instance: 'main', backend: 'codeserver', server: 'agent1', pool: 'pool-a' }),
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
  test.each([
    [
      'http-5xx',
      alertTarget({ instance: 'main', backend: 'be_web' }),
      'be_web: 37 % of responses are 5xx (4.2/s)',
      'HTTP 5xx errors: be_web',
    ],
    [
      'response-time',
      alertTarget({ instance: 'main', backend: 'be_web', server: 'web1', pool: 'pool-a' }),
      'web1 in pool-a: average response time 1450 ms (threshold 1000 ms)',
      'Slow responses: be_web/web1',
    ],
  ] as const)('a %s alert is titled by what and where', (kind, target, summary, title) => {
    expect(notificationText({ kind, target, summary, change: 'fired' })).toEqual({ title, body: summary });
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
