import { expect, test } from 'vitest';
import { adminNavItems, isCurrentAdminPage } from './admin-nav-items';

test.each([
  ['local', ['Users', 'API tokens', 'Share links', 'Audit log']],
  ['oidc', ['API tokens', 'Share links', 'Audit log']],
  ['proxy', ['API tokens', 'Share links', 'Audit log']],
  ['none', ['API tokens', 'Share links', 'Audit log']],
] as const)('AUTH_MODE=%s shows %j', (mode, labels) => {
  expect(adminNavItems(mode).map((item) => item.label)).toEqual(labels);
});

test.each([
  ['/admin/tokens', '/admin/tokens', true],
  ['/admin/tokens/x', '/admin/tokens', true],
  ['/admin/tokensx', '/admin/tokens', false],
  ['/admin/users', '/admin/tokens', false],
])('%s is %s: %s', (pathname, href, current) => {
  expect(isCurrentAdminPage(pathname, href)).toBe(current);
});
