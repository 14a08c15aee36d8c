import { expect, test } from 'vitest';
import type { UptimeDto } from '@/lib/api/history-dto';
import { uptimeFigures } from '../history/testing-fixtures';
import { uptimeFilterFor, uptimeRowsFor } from './uptime-embed-rows';

const data: UptimeDto = {
  range: '24h',
  from: '2025-05-01T00:00:00Z',
  to: '2025-05-02T00:00:00Z',
  servers: [
    {
      ...uptimeFigures(99.996),
      instance: 'eu west',
      backend: 'api',
      server: 'a 1',
      pool: 'p/1',
      backup: false,
      buckets: null,
    },
    {
      ...uptimeFigures(50),
      instance: 'main',
      backend: 'api',
      server: 'a 1',
      pool: 'p/1',
      backup: false,
      buckets: null,
    },
  ],
  backends: [{ ...uptimeFigures(99.5), instance: 'eu west', backend: 'api', buckets: null }],
  pools: [{ ...uptimeFigures(99.996), pool: 'p/1' }],
  generatedUntil: null,
};

test.each([
  [
    { type: 'server', instance: 'eu west', backend: 'api', server: 'a 1' },
    { instance: 'eu west', backend: 'api' },
  ],
  [
    { type: 'backend', instance: 'main', backend: 'api' },
    { instance: 'main', backend: 'api' },
  ],
  [{ type: 'pool', pool: 'p/1' }, { pool: 'p/1' }],
  [{ type: 'none' }, {}],
] as const)('%j asks the API for %j', (target, filter) => {
  expect(uptimeFilterFor(target)).toEqual(filter);
});

test('a server: its own bar, linking to it on its backend page', () => {
  expect(uptimeRowsFor({ type: 'server', instance: 'eu west', backend: 'api', server: 'a 1' }, data)).toEqual(
    {
      ok: true,
      title: 'a 1',
      subtitle: 'api · eu west',
      href: '/backends/eu%20west/api?server=a+1',
      rows: [{ name: 'a 1', uptimePct: 99.996, buckets: null }],
    },
  );
});

test('a pool: its figure, rounded down, and one bar per server and source', () => {
  const rows = uptimeRowsFor({ type: 'pool', pool: 'p/1' }, data);
  expect(rows).toMatchObject({ ok: true, title: 'Pool p/1', subtitle: '99.99% up', href: '/pools/p%2F1' });
  expect(rows.ok && rows.rows.map((r) => r.name)).toEqual(['eu west/api/a 1', 'main/api/a 1']);
});

test('a backend without history says so', () => {
  expect(uptimeRowsFor({ type: 'backend', instance: 'eu', backend: 'web' }, data)).toEqual({
    ok: false,
    message: 'No history for backend “web” on instance “eu”',
  });
});
