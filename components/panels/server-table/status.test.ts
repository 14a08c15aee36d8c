import { expect, test } from 'vitest';
import type { ServerStatus, Transition } from '@/lib/health/types';
import { backendStatusView, isBackendProblem, isServerProblem, serverStatusView } from './status';

test.each<[ServerStatus, Transition, string, string, string]>([
  ['UP', null, 'UP', 'up', 'UP'],
  ['UP', 'going-down', 'UP 1/2', 'going-down', 'UP 1/2 ↓'],
  ['DOWN', null, 'DOWN', 'down', 'DOWN'],
  ['DOWN', null, 'DOWN (agent)', 'down', 'DOWN'],
  ['DOWN', 'going-up', 'DOWN 1/2', 'going-up', 'DOWN 1/2 ↑'],
  ['MAINT', null, 'MAINT (via be_app/maint1)', 'maint', 'MAINT'],
  ['DRAIN', null, 'DRAIN', 'drain', 'DRAIN'],
  ['NOLB', 'going-down', 'NOLB 1/3', 'going-down', 'NOLB 1/3 ↓'],
  ['NOLB', null, 'NOLB', 'nolb', 'NOLB'],
  ['NOCHECK', null, 'no check', 'nocheck', 'no check'],
])('%s %s (%s) looks %s, reads "%s"', (status, transition, statusText, look, label) => {
  const view = serverStatusView({ status, transition, statusText });
  expect(view.look).toBe(look);
  expect(view.label).toBe(label);
});

test('every server look has its own shape', () => {
  const looks = (
    [
      ['UP', null],
      ['UP', 'going-down'],
      ['DOWN', null],
      ['DOWN', 'going-up'],
      ['MAINT', null],
      ['DRAIN', null],
      ['NOLB', null],
      ['NOCHECK', null],
    ] as Array<[ServerStatus, Transition]>
  ).map(([status, transition]) => serverStatusView({ status, transition, statusText: status }).shape);
  expect(new Set(looks).size).toBe(looks.length);
});

test('severity orders worst first: DOWN, recovering, failing, NOLB, DRAIN, MAINT, UP, no check', () => {
  const order: Array<[ServerStatus, Transition]> = [
    ['DOWN', null],
    ['DOWN', 'going-up'],
    ['UP', 'going-down'],
    ['NOLB', null],
    ['DRAIN', null],
    ['MAINT', null],
    ['UP', null],
    ['NOCHECK', null],
  ];
  const severities = order.map(
    ([status, transition]) => serverStatusView({ status, transition, statusText: status }).severity,
  );
  expect([...severities].sort((a, b) => b - a)).toEqual(severities);
  expect(new Set(severities).size).toBe(severities.length);
});

test.each<[ServerStatus, Transition, boolean]>([
  ['UP', null, false],
  ['NOCHECK', null, false],
  ['UP', 'going-down', true],
  ['DOWN', 'going-up', true],
  ['DOWN', null, true],
  ['MAINT', null, true],
  ['DRAIN', null, true],
  ['NOLB', null, true],
])('isServerProblem(%s, %s) = %s', (status, transition, problem) => {
  expect(isServerProblem({ status, transition })).toBe(problem);
});

test.each([
  [{ status: 'UP', noUsableServer: false, servingFromBackup: false }, 'up', 'UP', false],
  [{ status: 'UP', noUsableServer: false, servingFromBackup: true }, 'backup-only', 'BACKUP', true],
  [{ status: 'DOWN', noUsableServer: true, servingFromBackup: false }, 'no-server', 'NO SERVER', true],
  [{ status: 'DOWN', noUsableServer: false, servingFromBackup: false }, 'down', 'DOWN', true],
  [{ status: 'UP (3/3)', noUsableServer: false, servingFromBackup: false }, 'up', 'UP', false],
])('backend %o looks %s', (backend, look, label, problem) => {
  expect(backendStatusView(backend).look).toBe(look);
  expect(backendStatusView(backend).label).toBe(label);
  expect(isBackendProblem(backend)).toBe(problem);
});

test('no usable server outranks serving from backup, which outranks any server state', () => {
  const none = backendStatusView({ status: 'DOWN', noUsableServer: true, servingFromBackup: false });
  const backup = backendStatusView({ status: 'UP', noUsableServer: false, servingFromBackup: true });
  const down = serverStatusView({ status: 'DOWN', transition: null, statusText: 'DOWN' });
  expect(none.severity).toBeGreaterThan(backup.severity);
  expect(backup.severity).toBeGreaterThan(down.severity);
});
