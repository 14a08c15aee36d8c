import { describe, expect, test } from 'vitest';
import { attentionCount, firedForMs, firingGroups, recentResolved } from './alert-groups';
import { alertDto } from './test-alerts';

const NOW = Date.parse('2024-05-02T09:00:00.000Z');

describe('firingGroups', () => {
  const pool = alertDto('pool', {
    severity: 'critical',
    target: { instance: null, backend: null, server: null, pool: 'p' },
  });
  const s1 = alertDto('s1', { groupId: 'pool', inhibitedBy: 'pool', firedAt: '2024-05-01T10:00:01.000Z' });
  const s2 = alertDto('s2', { groupId: 'pool', inhibitedBy: 'pool', firedAt: '2024-05-01T10:00:02.000Z' });
  const lone = alertDto('lone', { kind: 'down', firedAt: '2024-05-01T11:00:00.000Z' });

  test('members nest under their firing group alert, newest member first; critical groups first', () => {
    expect(firingGroups([s1, lone, pool, s2]).map((g) => [g.alert.id, g.members.map((m) => m.id)])).toEqual([
      ['pool', ['s2', 's1']],
      ['lone', []],
    ]);
  });

  test("an alert grouped under a member nests under that member's group, not out of sight", () => {
    // A flapping server takes its backend down, and the backend's 5xx follow: flap ← down ← http-5xx.
    const flap = alertDto('flap', { firedAt: '2024-05-01T10:00:01.000Z' });
    const down = alertDto('down', { kind: 'down', groupId: 'flap', inhibitedBy: 'flap' });
    const errors = alertDto('5xx', {
      kind: 'http-5xx',
      groupId: 'down',
      inhibitedBy: 'down',
      firedAt: '2024-05-01T10:00:05.000Z',
    });
    expect(firingGroups([errors, down, flap]).map((g) => [g.alert.id, g.members.map((m) => m.id)])).toEqual([
      ['flap', ['5xx', 'down']],
    ]);
    expect(firingGroups([errors, down]).map((g) => [g.alert.id, g.members.map((m) => m.id)])).toEqual([
      ['down', ['5xx']],
    ]);
  });

  test('a member whose group alert is gone stands alone', () => {
    expect(firingGroups([s1]).map((g) => g.alert.id)).toEqual(['s1']);
  });

  test.each([
    [{ kind: 'down', state: 'all' } as const, ['lone']],
    [{ kind: 'flapping', state: 'all' } as const, ['pool']],
    [{ kind: 'all', state: 'resolved' } as const, []],
  ])('filter %j → %j', (filter, ids) => {
    expect(firingGroups([s1, lone, pool, s2], filter).map((g) => g.alert.id)).toEqual(ids);
  });
});

test('recentResolved keeps the last 24 h, newest first, and honours the filters', () => {
  const resolved = (id: string, at: string) => alertDto(id, { state: 'resolved', resolvedAt: at });
  const alerts = [
    resolved('old', '2024-05-01T08:00:00.000Z'),
    resolved('a', '2024-05-02T08:00:00.000Z'),
    resolved('b', '2024-05-02T08:30:00.000Z'),
    alertDto('firing'),
  ];
  expect(recentResolved(alerts, NOW).map((a) => a.id)).toEqual(['b', 'a']);
  expect(recentResolved(alerts, NOW, { kind: 'all', state: 'firing' })).toEqual([]);
  expect(recentResolved(alerts, NOW, { kind: 'down', state: 'all' })).toEqual([]);
});

test.each([
  [{}, 1],
  [{ state: 'resolved' as const }, 0],
  [{ inhibitedBy: 'pool' }, 0],
  [{ acknowledgedAt: '2024-05-02T08:00:00.000Z' }, 0],
  [{ mutedUntil: '2024-05-02T10:00:00.000Z' }, 0],
  [{ mutedUntil: '2024-05-02T08:00:00.000Z' }, 1],
])('attentionCount of an alert with %j → %i', (extra, count) => {
  expect(attentionCount([alertDto('a', extra)], NOW)).toBe(count);
});

test('firedForMs: until resolution, or until now', () => {
  expect(firedForMs(alertDto('a', { resolvedAt: '2024-05-01T10:01:30.000Z' }), NOW)).toBe(90_000);
  expect(firedForMs(alertDto('a', { firedAt: '2024-05-02T08:59:00.000Z' }), NOW)).toBe(60_000);
});
