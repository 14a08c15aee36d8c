import { describe, expect, test } from 'vitest';
import { userMenuView } from './user-menu-view';

describe('userMenuView', () => {
  test.each([
    ['local', 'admin', true, true],
    ['oidc', 'operator', true, false],
    ['proxy', 'admin', false, true],
    ['none', 'admin', false, true],
    ['local', 'viewer', true, false],
  ] as const)('%s mode, %s: sign out %s, admin link %s', (mode, role, canSignOut, showAdmin) => {
    const view = userMenuView({ name: 'alice', role, mode });
    expect([view.canSignOut, view.showAdmin]).toEqual([canSignOut, showAdmin]);
  });

  test('names the person and role, and says what the role may do', () => {
    expect(userMenuView({ name: 'bob', role: 'viewer', mode: 'local' })).toEqual({
      label: 'bob (viewer)',
      how: 'Signed in with a hapscope password.',
      roleText: 'Viewers see everything.',
      showAdmin: false,
      canSignOut: true,
    });
  });

  test('a proxy user is told to sign out at the proxy', () => {
    expect(userMenuView({ name: 'carol', role: 'operator', mode: 'proxy' }).how).toBe(
      'Signed in at the reverse proxy in front of hapscope; sign out there.',
    );
  });
});
