import { describe, expect, test } from 'vitest';
import { curlExample, expiryText, sortTokens, tokenStateView } from './api-tokens-view';

const NOW = Date.parse('2026-03-10T12:00:00.000Z');

describe('tokenStateView', () => {
  test.each([
    [
      'active, no expiry',
      { state: 'active', expiresAt: null, revokedAt: null, revokedBy: null },
      { label: 'active', tone: 'ok', detail: 'never expires' },
    ],
    [
      'active, expiring',
      { state: 'active', expiresAt: '2026-04-08T12:00:00.000Z', revokedAt: null, revokedBy: null },
      { label: 'active', tone: 'ok', detail: 'expires in 29 d' },
    ],
    [
      'expired',
      { state: 'expired', expiresAt: '2026-03-07T12:00:00.000Z', revokedAt: null, revokedBy: null },
      { label: 'expired', tone: 'nocheck', detail: 'expired 3 d ago' },
    ],
    [
      'revoked',
      { state: 'revoked', expiresAt: null, revokedAt: '2026-03-10T10:00:00.000Z', revokedBy: 'alice' },
      { label: 'revoked', tone: 'error', detail: 'revoked by alice 2 h ago' },
    ],
    [
      'revoked a moment ago, by the page’s slower clock',
      { state: 'revoked', expiresAt: null, revokedAt: '2026-03-10T12:00:03.000Z', revokedBy: 'alice' },
      { label: 'revoked', tone: 'error', detail: 'revoked by alice just now' },
    ],
  ] as const)('%s', (_, token, view) => {
    expect(tokenStateView(token, NOW)).toEqual(view);
  });
});

test.each([
  [null, 'never expires'],
  ['2026-03-11T12:00:00.000Z', 'expires in 24 h'],
  ['2026-03-10T11:00:00.000Z', 'expired 1 h ago'],
])('expiry %s reads %s', (expiresAt, text) => {
  expect(expiryText(expiresAt, NOW)).toBe(text);
});

test('the example request sends the secret as a bearer token to hapscope’s own address', () => {
  expect(curlExample('https://hapscope.example/', 'hsc_abc')).toBe(
    'curl -H "Authorization: Bearer hsc_abc" https://hapscope.example/api/v1/snapshot',
  );
});

test('active tokens come first, newest first within each group', () => {
  const tokens = [
    { id: 'a', state: 'revoked', createdAt: '2026-03-09T00:00:00.000Z' },
    { id: 'b', state: 'active', createdAt: '2026-03-01T00:00:00.000Z' },
    { id: 'c', state: 'expired', createdAt: '2026-03-05T00:00:00.000Z' },
    { id: 'd', state: 'active', createdAt: '2026-03-08T00:00:00.000Z' },
  ] as const;
  expect(sortTokens(tokens).map((t) => t.id)).toEqual(['d', 'b', 'a', 'c']);
});
