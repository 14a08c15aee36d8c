import { expect, test } from 'vitest';
import { parseRoleGroups, roleForGroups } from './role-groups';

const rules = parseRoleGroups('viewer=*, operator=ops|sre, admin=platform');

test.each([
  [['platform'], 'admin'],
  [['ops', 'platform'], 'admin'],
  [['sre'], 'operator'],
  [['dev'], 'viewer'],
  [[], 'viewer'],
] as const)('groups %j → %s', (groups, role) => {
  expect(roleForGroups(rules, groups)).toBe(role);
});

test('without viewer=* a user in no listed group gets no role', () => {
  expect(roleForGroups(parseRoleGroups('operator=ops'), ['dev'])).toBeNull();
  expect(roleForGroups(parseRoleGroups('operator=ops'), ['ops'])).toBe('operator');
});

test.each([
  [
    'root=ops',
    'entries must look like "role=group|group" with a role of viewer, operator, admin, got "root=ops"',
  ],
  [
    'operator=',
    'entries must look like "role=group|group" with a role of viewer, operator, admin, got "operator="',
  ],
  ['ops', 'entries must look like "role=group|group" with a role of viewer, operator, admin, got "ops"'],
  [' , ', 'must name at least one role=group pair'],
])('%j is refused', (text, message) => {
  expect(() => parseRoleGroups(text)).toThrow(message);
});
