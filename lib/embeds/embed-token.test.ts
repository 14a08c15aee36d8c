import { describe, expect, test } from 'vitest';
import { signEmbedToken, verifyEmbedToken } from './embed-token';

const SECRET = 'a-long-enough-test-secret';
const NOW = Date.parse('2025-01-01T00:00:00Z');
const scope = { panel: 'backend', target: 'demo/codeserver_backend', nowMs: NOW };
const token = (overrides: Partial<{ panel: string; target: string; exp: number }> = {}, secret = SECRET) =>
  signEmbedToken(
    { panel: 'backend', target: 'demo/codeserver_backend', exp: NOW / 1000 + 3600, ...overrides },
    secret,
  );

describe('embed tokens', () => {
  test('a token signed for the panel and target verifies until it expires', () => {
    const result = verifyEmbedToken(token(), SECRET, scope);
    expect(result).toEqual({
      ok: true,
      payload: { panel: 'backend', target: 'demo/codeserver_backend', exp: NOW / 1000 + 3600 },
    });
    expect(verifyEmbedToken(token(), SECRET, { ...scope, nowMs: NOW + 3600_000 })).toEqual({
      ok: false,
      reason: 'the token has expired',
    });
  });

  test('the format is base64url(payload).signature', () => {
    const [body, sig] = token().split('.');
    expect(JSON.parse(Buffer.from(body!, 'base64url').toString())).toEqual({
      panel: 'backend',
      target: 'demo/codeserver_backend',
      exp: NOW / 1000 + 3600,
    });
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  test.each([
    ['another panel', { panel: 'server' }, 'the token is for the server panel'],
    ['another target', { target: 'demo/api_backend' }, 'the token is for “demo/api_backend”'],
    ['an expired token', { exp: NOW / 1000 - 1 }, 'the token has expired'],
  ])('refuses %s', (_name, overrides, reason) => {
    expect(verifyEmbedToken(token(overrides), SECRET, scope)).toEqual({ ok: false, reason });
  });

  test('wildcards cover any panel or target', () => {
    expect(verifyEmbedToken(token({ panel: '*', target: '*' }), SECRET, scope).ok).toBe(true);
  });

  test('a token signed with another secret, or edited, is refused', () => {
    expect(verifyEmbedToken(token({}, 'another-secret-entirely'), SECRET, scope)).toEqual({
      ok: false,
      reason: 'the token signature is not valid',
    });
    const [, sig] = token().split('.');
    const forged = Buffer.from(JSON.stringify({ panel: '*', target: '*', exp: 9e9 })).toString('base64url');
    expect(verifyEmbedToken(`${forged}.${sig}`, SECRET, scope).ok).toBe(false);
  });

  test.each([null, '', 'garbage', '.abc', 'abc.'])('refuses a missing or malformed token %j', (value) => {
    expect(verifyEmbedToken(value, SECRET, scope).ok).toBe(false);
  });

  test('refuses a short secret rather than sign with it', () => {
    expect(() => signEmbedToken({ panel: 'x', target: '*', exp: 1 }, 'short')).toThrow(/at least 16/);
  });
});
