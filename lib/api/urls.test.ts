import { describe, expect, test } from 'vitest';
import {
  ackUrl,
  alertStreamUrl,
  backendHistoryUrl,
  backendHref,
  eventsUrl,
  muteUrl,
  pageSearch,
  poolHref,
  poolLatencyUrl,
  serverHistoryUrl,
  serverHref,
  sparklineBadgeUrl,
  statusBadgeUrl,
  uptimeBadgeUrl,
  uptimeUrl,
  type HistoryRange,
  routesUrl,
} from './urls';

const odd = { instance: 'eu west', backend: 'api/v2', server: 'web 1' };
const day: HistoryRange = { kind: 'preset', preset: '24h' };
const sixHours: HistoryRange = { kind: 'preset', preset: '6h' };
const fixed: HistoryRange = { kind: 'custom', from: 1000.4, to: 5000 };

describe('API URLs', () => {
  test.each<[string, string]>([
    [serverHistoryUrl(odd, day), '/api/v1/servers/eu%20west/api%2Fv2/web%201/history?range=24h'],
    [
      serverHistoryUrl(odd, fixed, 60),
      '/api/v1/servers/eu%20west/api%2Fv2/web%201/history?from=1000&to=5000&buckets=60',
    ],
    [backendHistoryUrl(odd, sixHours), '/api/v1/backends/eu%20west/api%2Fv2/history?range=6h'],
    [backendHistoryUrl(odd, fixed), '/api/v1/backends/eu%20west/api%2Fv2/history?from=1000&to=5000'],
    [uptimeUrl(sixHours), '/api/v1/uptime?range=6h'],
    [
      uptimeUrl(day, { buckets: 96, filter: { instance: 'eu west', backend: 'api/v2' } }),
      '/api/v1/uptime?range=24h&buckets=96&instance=eu+west&backend=api%2Fv2',
    ],
    [uptimeUrl(day, { filter: { pool: 'pool a' } }), '/api/v1/uptime?range=24h&pool=pool+a'],
    [
      eventsUrl(sixHours, { limit: 1000, filter: { instance: 'main', backend: 'a&b' } }),
      '/api/v1/events?range=6h&limit=1000&instance=main&backend=a%26b',
    ],
    [eventsUrl(fixed), '/api/v1/events?from=1000&to=5000'],
    [poolLatencyUrl('pool/a b', '15m'), '/api/v1/pools/pool%2Fa%20b/latency?range=15m'],
    [routesUrl('code server&x'), '/api/v1/routes?backend=code%20server%26x'],
    [ackUrl('flapping:main/x y'), '/api/v1/alerts/flapping%3Amain%2Fx%20y/ack'],
    [muteUrl(7), '/api/v1/mutes/7'],
    [alertStreamUrl(), '/api/v1/alerts/stream'],
    [alertStreamUrl(42), '/api/v1/alerts/stream?lastEventId=42'],
  ])('%s', (url, expected) => {
    expect(url).toBe(expected);
  });
});

describe('badge URLs', () => {
  const server = { type: 'server', ...odd } as const;
  test.each<[string, string]>([
    [statusBadgeUrl(server), '/api/v1/badge/server/eu%20west/api%2Fv2/web%201.svg'],
    [statusBadgeUrl({ type: 'pool', pool: 'pool a' }), '/api/v1/badge/pool/pool%20a.svg'],
    [
      uptimeBadgeUrl({ type: 'backend', instance: 'main', backend: 'api/v2' }, '24h'),
      '/api/v1/badge/uptime/backend/main/api%2Fv2.svg',
    ],
    [uptimeBadgeUrl({ type: 'pool', pool: 'p' }, '7d'), '/api/v1/badge/uptime/pool/p.svg?range=7d'],
    [
      sparklineBadgeUrl(server, 'latency', '1h'),
      '/api/v1/badge/sparkline/server/eu%20west/api%2Fv2/web%201.svg',
    ],
    [
      sparklineBadgeUrl(server, 'rate', '6h'),
      '/api/v1/badge/sparkline/server/eu%20west/api%2Fv2/web%201.svg?metric=rate&range=6h',
    ],
  ])('%s', (url, expected) => {
    expect(url).toBe(expected);
  });
});

describe('page links', () => {
  test.each<[string, string]>([
    [backendHref(odd), '/backends/eu%20west/api%2Fv2'],
    [backendHref(odd, { range: day }), '/backends/eu%20west/api%2Fv2'],
    [backendHref(odd, { range: { kind: 'preset', preset: '7d' } }), '/backends/eu%20west/api%2Fv2?range=7d'],
    [serverHref(odd), '/backends/eu%20west/api%2Fv2?server=web+1'],
    [serverHref(odd, { range: sixHours }), '/backends/eu%20west/api%2Fv2?range=6h&server=web+1'],
    [poolHref('pool/a b'), '/pools/pool%2Fa%20b'],
  ])('%s', (url, expected) => {
    expect(url).toBe(expected);
  });

  test('a fixed window goes as ISO times', () => {
    const range: HistoryRange = {
      kind: 'custom',
      from: Date.parse('2025-05-01T10:00:00Z'),
      to: Date.parse('2025-05-01T12:00:00Z'),
    };
    expect(pageSearch({ range })).toBe('?from=2025-05-01T10%3A00%3A00.000Z&to=2025-05-01T12%3A00%3A00.000Z');
  });

  test('keeps unrelated parameters, replaces the old range and server', () => {
    const current = new URLSearchParams('q=api&from=1&to=2&server=x');
    expect(pageSearch({ range: { kind: 'preset', preset: '7d' }, server: null }, current)).toBe(
      '?q=api&range=7d',
    );
    expect(pageSearch({ range: day }, new URLSearchParams('range=1h'))).toBe('');
  });

  test('another page default leaves that range out instead', () => {
    expect(pageSearch({ range: day }, undefined, '1h')).toBe('?range=24h');
  });
});
