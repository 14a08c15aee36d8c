import { describe, expect, test } from 'vitest';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { Backend } from '@/lib/health/types';
import { EMPTY_QUERY, type TableQuery } from './table-query';
import { CTX, makeBackend, makeServer } from './test-data';
import { rowObjects, toTableRows } from './rows';
import { sortsByFigure } from './sort';

const web = makeBackend({
  instance: 'lb-fra',
  name: 'be_web',
  sessions: { current: 5, max: 9, limit: null, total: 0 },
  servers: [
    makeServer({ name: 'web10', address: '10.1.0.10:80', node: 'k3s-fra-2', pool: 'fra' }),
    makeServer({
      name: 'web2',
      status: 'UP',
      transition: 'going-down',
      statusText: 'UP 1/2',
      check: { ...makeServer().check, durationMs: 40 },
      lastChangeSec: 5,
    }),
    makeServer({ name: 'web1', status: 'MAINT', statusText: 'MAINT', lastChangeSec: null }),
  ],
});
const api = makeBackend({
  instance: 'lb-ams',
  name: 'be_api',
  servingFromBackup: true,
  sessions: { current: 50, max: 90, limit: null, total: 0 },
  servers: [
    makeServer({ name: 'api1', status: 'DOWN', statusText: 'DOWN', downtimeSec: 30 }),
    makeServer({ name: 'api-bk', backup: true, check: { ...makeServer().check, durationMs: 7 } }),
  ],
});
const empty = makeBackend({ instance: 'lb-ams', name: 'be_empty', servers: [] });
const backends: Backend[] = [web, api, empty];

const keys = (query: Partial<TableQuery>, collapsed?: Set<string>) =>
  toTableRows(backends, { ...EMPTY_QUERY, ...query }, CTX, collapsed).map((r) => r.key);

test('flattens each backend header followed by its servers, in configuration order', () => {
  expect(keys({})).toEqual([
    'lb-fra/be_web',
    'lb-fra/be_web/web10',
    'lb-fra/be_web/web2',
    'lb-fra/be_web/web1',
    'lb-ams/be_api',
    'lb-ams/be_api/api1',
    'lb-ams/be_api/api-bk',
    'lb-ams/be_empty',
  ]);
});

test('a collapsed backend keeps its header and the count of its matching servers', () => {
  const rows = toTableRows(backends, EMPTY_QUERY, CTX, new Set(['lb-fra/be_web']));
  expect(rows.map((r) => r.key).slice(0, 2)).toEqual(['lb-fra/be_web', 'lb-ams/be_api']);
  expect(rows[0]).toMatchObject({ kind: 'backend', collapsed: true, matching: 3 });
});

test('rows name places: a later poll of the same shape is read at them, its new figures shown', () => {
  const rows = toTableRows(backends, { ...EMPTY_QUERY, sort: 'name', dir: 'desc' }, CTX);
  const later = backends.map((b) => ({
    ...b,
    servers: b.servers.map((s) => ({ ...s, sessions: { ...s.sessions, total: s.sessions.total + 7 } })),
  }));
  const shown = rows.map((row) => {
    if (row.kind === 'backend') return rowObjects(row, later)!.backend.name;
    const { backend, server } = rowObjects(row, later)!;
    return `${backend.name}/${server.name}:${server.sessions.total}`;
  });
  const total = (backend: Backend, name: string) =>
    backend.servers.find((s) => s.name === name)!.sessions.total + 7;
  expect(shown).toEqual([
    'be_web',
    `be_web/web10:${total(web, 'web10')}`,
    `be_web/web2:${total(web, 'web2')}`,
    `be_web/web1:${total(web, 'web1')}`,
    'be_empty',
    'be_api',
    `be_api/api1:${total(api, 'api1')}`,
    `be_api/api-bk:${total(api, 'api-bk')}`,
  ]);
  expect(rowObjects({ kind: 'server', key: 'gone', place: 9, serverPlace: 0 }, later)).toBeNull();
});

test('only a sort by state, name, role, address, node or pool keeps its order while figures change', () => {
  for (const column of ['status', 'name', 'role', 'address', 'node', 'pool'] as const)
    expect(sortsByFigure(column)).toBe(false);
  for (const column of ['sessions', 'rate', 'latency', 'last-change', 'uptime', 'check'] as const)
    expect(sortsByFigure(column)).toBe(true);
  expect(sortsByFigure(null)).toBe(false);
});

describe('search', () => {
  test.each([
    ['web2', ['lb-fra/be_web', 'lb-fra/be_web/web2']],
    ['10.1.0.10', ['lb-fra/be_web', 'lb-fra/be_web/web10']],
    ['K3S-FRA', ['lb-fra/be_web', 'lb-fra/be_web/web10']],
    ['pool:none fra', []],
    ['lb-ams api1', ['lb-ams/be_api', 'lb-ams/be_api/api1']],
    ['be_empty', ['lb-ams/be_empty']],
    ['be_api', ['lb-ams/be_api', 'lb-ams/be_api/api1', 'lb-ams/be_api/api-bk']],
    ['nothing-like-this', []],
  ])('"%s"', (q, expected) => {
    expect(keys({ q })).toEqual(expected);
  });
});

test('problems only: failing servers, and every server of a backend serving from backup', () => {
  expect(keys({ problems: true })).toEqual([
    'lb-fra/be_web',
    'lb-fra/be_web/web2',
    'lb-fra/be_web/web1',
    'lb-ams/be_api',
    'lb-ams/be_api/api1',
    'lb-ams/be_api/api-bk',
  ]);
  expect(keys({ problems: true, q: 'web1' })).toEqual(['lb-fra/be_web', 'lb-fra/be_web/web1']);
});

describe('sort', () => {
  test('status: the worst backend first, the worst server first inside it', () => {
    expect(keys({ sort: 'status', dir: 'desc' })).toEqual([
      'lb-ams/be_api',
      'lb-ams/be_api/api1',
      'lb-ams/be_api/api-bk',
      'lb-fra/be_web',
      'lb-fra/be_web/web2',
      'lb-fra/be_web/web1',
      'lb-fra/be_web/web10',
      'lb-ams/be_empty',
    ]);
  });

  test('name: numeric-aware, backends by instance then name', () => {
    expect(keys({ sort: 'name', dir: 'asc' })).toEqual([
      'lb-ams/be_api',
      'lb-ams/be_api/api-bk',
      'lb-ams/be_api/api1',
      'lb-ams/be_empty',
      'lb-fra/be_web',
      'lb-fra/be_web/web1',
      'lb-fra/be_web/web2',
      'lb-fra/be_web/web10',
    ]);
  });

  test('latency desc: slowest group first, unknown values last in either direction', () => {
    expect(keys({ sort: 'latency', dir: 'desc' }).slice(0, 4)).toEqual([
      'lb-fra/be_web',
      'lb-fra/be_web/web2',
      'lb-fra/be_web/web10',
      'lb-fra/be_web/web1',
    ]);
    expect(keys({ sort: 'last-change', dir: 'asc' }).slice(0, 4)).toEqual([
      'lb-fra/be_web',
      'lb-fra/be_web/web2',
      'lb-fra/be_web/web10',
      'lb-fra/be_web/web1',
    ]);
    expect(keys({ sort: 'last-change', dir: 'desc' }).slice(0, 4)).toEqual([
      'lb-fra/be_web',
      'lb-fra/be_web/web10',
      'lb-fra/be_web/web2',
      'lb-fra/be_web/web1',
    ]);
  });

  test('sessions: backends by their own total', () => {
    expect(keys({ sort: 'sessions', dir: 'desc' })[0]).toBe('lb-ams/be_api');
    expect(keys({ sort: 'sessions', dir: 'asc' })[0]).toBe('lb-ams/be_empty');
  });

  test('is stable: equal values keep configuration order', () => {
    expect(keys({ sort: 'queue', dir: 'desc' })).toEqual(keys({}));
    expect(keys({ sort: 'queue', dir: 'asc' })).toEqual(keys({}));
  });
});

describe('every column sorts', () => {
  const idle = makeBackend({
    instance: 'lb1',
    name: 'be_idle',
    counters: { ...noTraffic(), bytesIn: 10 },
    servers: [
      makeServer({ name: 'recent', lastSessionSec: 5, counters: { ...noTraffic(), bytesIn: 1 } }),
      makeServer({ name: 'never', lastSessionSec: null, counters: { ...noTraffic(), bytesIn: null } }),
      makeServer({ name: 'old', lastSessionSec: 900, counters: { ...noTraffic(), bytesIn: 9 } }),
    ],
  });
  const busy = makeBackend({
    instance: 'lb1',
    name: 'be_busy',
    counters: { ...noTraffic(), bytesIn: 5000 },
    servers: [makeServer({ name: 'b1', lastSessionSec: 1, counters: { ...noTraffic(), bytesIn: 5000 } })],
  });
  const sorted = (query: Partial<TableQuery>, ctx = CTX) =>
    toTableRows([idle, busy], { ...EMPTY_QUERY, ...query }, ctx).map((r) => r.key);

  test('last session, longest idle first: "never" before any age', () => {
    expect(sorted({ sort: 'last-session', dir: 'desc' })).toEqual([
      'lb1/be_idle',
      'lb1/be_idle/never',
      'lb1/be_idle/old',
      'lb1/be_idle/recent',
      'lb1/be_busy',
      'lb1/be_busy/b1',
    ]);
  });

  test('bytes in: backends by their own counter, unknown servers last', () => {
    expect(sorted({ sort: 'bytes-in', dir: 'desc' })).toEqual([
      'lb1/be_busy',
      'lb1/be_busy/b1',
      'lb1/be_idle',
      'lb1/be_idle/old',
      'lb1/be_idle/recent',
      'lb1/be_idle/never',
    ]);
    expect(sorted({ sort: 'bytes-in', dir: 'asc' }).slice(1, 4)).toEqual([
      'lb1/be_idle/recent',
      'lb1/be_idle/old',
      'lb1/be_idle/never',
    ]);
  });

  test('24h uptime, from the history the table was given', () => {
    const uptime: Record<string, number> = {
      'lb1\nbe_idle': 99,
      'lb1\nbe_busy': 50,
      'lb1\nbe_idle\nrecent': 99.9,
      'lb1\nbe_idle\nnever': 90,
      'lb1\nbe_idle\nold': 95,
    };
    const ctx = { ...CTX, uptimeOf: (key: string) => uptime[key] };
    expect(sorted({ sort: 'uptime', dir: 'asc' }, ctx)).toEqual([
      'lb1/be_busy',
      'lb1/be_busy/b1',
      'lb1/be_idle',
      'lb1/be_idle/never',
      'lb1/be_idle/old',
      'lb1/be_idle/recent',
    ]);
  });
});
