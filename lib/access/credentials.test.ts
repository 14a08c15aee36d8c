import { expect, test } from 'vitest';
import { bearerToken, parseSessionCookie, parseToken, readCookie } from './credentials';

const SECRET = 'A'.repeat(40) + '_-9';

test('API and share tokens split into kind, id and secret; anything else is not a token', () => {
  expect(parseToken(`hsc_0123456789abcdef_${SECRET}`)).toEqual({
    kind: 'api',
    id: '0123456789abcdef',
    secret: SECRET,
  });
  expect(parseToken(`hss_0123456789abcdef_${SECRET}`)).toEqual({
    kind: 'share',
    id: '0123456789abcdef',
    secret: SECRET,
  });
  expect(parseToken(`hsc_0123456789ABCDEF_${SECRET}`)).toBeNull();
  expect(parseToken(`hsc_0123456789abcdef_${SECRET}x`)).toBeNull();
  expect(parseToken('eyJwYW5lbCI6IioifQ.c2ln')).toBeNull();
});

test('the session cookie is <id>.<secret>', () => {
  expect(parseSessionCookie(`0123456789abcdef.${SECRET}`)).toEqual({
    id: '0123456789abcdef',
    secret: SECRET,
  });
  expect(parseSessionCookie('0123456789abcdef')).toBeNull();
  expect(parseSessionCookie(undefined)).toBeNull();
});

test('cookies and bearer tokens are read from their headers', () => {
  expect(readCookie('a=1; hapscope_session=x.y; b=2', 'hapscope_session')).toBe('x.y');
  expect(readCookie('xhapscope_session=z', 'hapscope_session')).toBeUndefined();
  expect(bearerToken('Bearer abc')).toBe('abc');
  expect(bearerToken('bearer  abc ')).toBe('abc');
  expect(bearerToken('Basic abc')).toBeNull();
  expect(bearerToken(null)).toBeNull();
});
