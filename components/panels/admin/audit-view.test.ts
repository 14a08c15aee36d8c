import { expect, test } from 'vitest';
import { actionLabel, targetLabel } from './audit-view';

test.each([
  ['session.sign-in', 'signed in'],
  ['user.create', 'added a user'],
  ['token.revoke', 'revoked an API token'],
  ['alert.acknowledge', 'acknowledged an alert'],
  ['alert.mute', 'muted'],
  ['settings.change', 'settings.change'],
])('%s reads %j', (action, label) => {
  expect(actionLabel(action)).toBe(label);
});

test.each([
  ['user:alice', 'user alice'],
  ['alert:down:main/be/s1@17', 'alert down:main/be/s1@17'],
  ['token:0123456789abcdef', 'token 0123456789abcdef'],
  [null, '–'],
  ['plain', 'plain'],
])('target %j reads %j', (target, label) => {
  expect(targetLabel(target)).toBe(label);
});
