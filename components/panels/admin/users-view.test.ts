import { expect, test } from 'vitest';
import { passwordProblem, ROLE_OPTIONS, userNameProblem } from './users-view';

test.each([
  ['short1', 'Use at least 12 characters (this one has 6).'],
  ['', 'Use at least 12 characters (this one has 0).'],
  ['twelve-chars', null],
])('password %j: %j', (password, problem) => {
  expect(passwordProblem(password)).toBe(problem);
});

test.each([
  ['alice', null],
  ['ops.bot@example-1_x', null],
  ['  ', 'Enter a user name.'],
  ['al ice', 'Use letters, digits and . _ @ - only.'],
  ['ålice', 'Use letters, digits and . _ @ - only.'],
  ['a'.repeat(65), 'Use at most 64 characters.'],
])('user name %j: %j', (name, problem) => {
  expect(userNameProblem(name)).toBe(problem);
});

test('each role is offered with what it may do', () => {
  expect(ROLE_OPTIONS.map((o) => o.text)).toEqual([
    'viewer — see everything',
    'operator — acknowledge, mute and unmute alerts',
    'admin — manage users, API tokens and share links',
  ]);
});
