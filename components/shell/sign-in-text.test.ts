import { describe, expect, test } from 'vitest';
import { oidcStartUrl } from '@/lib/api/urls';
import { signInFailureText } from './sign-in-text';

describe('signInFailureText', () => {
  test.each([
    [401, 'wrong user name or password', 'Wrong user name or password.'],
    [429, 'too many failed sign-ins: try again in 12 s', 'Too many failed sign-ins: try again in 12 s.'],
    [429, null, 'Too many failed sign-ins: wait a minute, then try again.'],
    [
      409,
      'AUTH_MODE=oidc: there are no hapscope passwords to sign in with',
      'AUTH_MODE=oidc: there are no hapscope passwords to sign in with.',
    ],
    [0, null, 'hapscope did not answer: check the connection, then try again.'],
    [500, null, 'Sign-in failed (HTTP 500).'],
    [403, 'cross-site request refused', 'Sign-in failed (HTTP 403): Cross-site request refused.'],
  ])('HTTP %i with %j says %j', (status, message, text) => {
    expect(signInFailureText(status, message)).toBe(text);
  });
});

test('the identity provider link carries the page to come back to', () => {
  expect(oidcStartUrl('/pools?sort=name&q=a b')).toBe(
    '/api/v1/auth/oidc/start?next=%2Fpools%3Fsort%3Dname%26q%3Da%20b',
  );
});
