import { expect, test } from 'vitest';
import type { Identity } from '@/lib/access/identity';
import type { BadgeRequest } from '@/lib/badges/badge-request';
import { badgeCacheControl, badgeCacheKey, badgeRead, unauthorizedBadgeResponse } from './badge-service';

const server: BadgeRequest = {
  kind: 'status',
  target: { type: 'server', instance: 'main', backend: 'api', server: 'api1' },
  label: null,
};

test('a token is not part of the SVG cache key', () => {
  const key = (url: string) => badgeCacheKey(new URL(url));
  expect(key('http://h/api/v1/badge/server/main/api/api1.svg?token=hss_x&label=API')).toBe(
    '/api/v1/badge/server/main/api/api1.svg?label=API',
  );
  expect(key('http://h/api/v1/badge/pool/eu.svg?token=hss_y')).toBe(key('http://h/api/v1/badge/pool/eu.svg'));
});

test.each<[string, Identity, string]>([
  [
    'a share link',
    { kind: 'share', shareId: 'a', scope: { panel: 'server', target: 'main/api/api1' } },
    'public, max-age=2, stale-while-revalidate=10',
  ],
  [
    'PUBLIC_EMBEDS',
    { kind: 'share', shareId: null, scope: { panel: '*', target: '*' } },
    'public, max-age=2, stale-while-revalidate=10',
  ],
  [
    'sign-in off',
    { kind: 'principal', name: 'anyone', role: 'admin', via: 'none', detail: null },
    'public, max-age=2, stale-while-revalidate=10',
  ],
  [
    'a session',
    { kind: 'principal', name: 'ann', role: 'viewer', via: 'session', detail: 'local' },
    'private, max-age=2',
  ],
  [
    'an API token',
    { kind: 'principal', name: 'ci', role: 'viewer', via: 'token', detail: 'id' },
    'private, max-age=2',
  ],
])('read through %s: %s', (_name, who, expected) => {
  expect(badgeCacheControl(who, 2)).toBe(expected);
});

test('a share link of the target reads its badges, whatever its panel; of another target, not', () => {
  const read = badgeRead(server, 'hss_token');
  expect(read.queryToken).toBe('hss_token');
  expect(read.share({ panel: 'latency', target: 'main/api/api1' })).toBe(true);
  expect(read.share({ panel: 'server', target: 'main/api/api2' })).toBe(false);
  expect(read.share({ panel: '*', target: '*' })).toBe(true);
  expect(
    badgeRead({ ...server, target: { type: 'pool', pool: 'eu' } }, null).share({
      panel: 'pool',
      target: 'pool:eu',
    }),
  ).toBe(true);
});

test('the unauthorized badge: grey, its label, 401, never cached', async () => {
  const response = unauthorizedBadgeResponse(server);
  expect(response.status).toBe(401);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
  const svg = await response.text();
  expect(svg).toContain('<title>api1: unauthorized</title>');
  expect(svg).toContain('fill="#9f9f9f"');
  const labelled = await unauthorizedBadgeResponse({ ...server, label: 'API' }).text();
  expect(labelled).toContain('<title>API: unauthorized</title>');
});
