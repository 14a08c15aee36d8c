import { describe, expect, test } from 'vitest';
import { noTraffic } from '@/lib/health/traffic-rates';
import { httpRates } from '@/lib/testing/http-rates';
import type { Server } from '@/lib/health/types';
import { COLUMN_GROUPS, COLUMNS, columnById, isColumnId, type ColumnId } from './columns';
import { CTX, makeBackend, makeServer } from './test-data';

const idsOf = (group: string) => COLUMNS.filter((c) => c.group === group).map((c) => c.id);

describe('the column table', () => {
  test('ids and header labels are unique', () => {
    expect(new Set(COLUMNS.map((c) => c.id)).size).toBe(COLUMNS.length);
    expect(new Set(COLUMNS.map((c) => c.label)).size).toBe(COLUMNS.length);
  });

  // HAProxy's stats page groups, then hapscope's: the columns the chooser offers under each heading.
  test.each<[string, ColumnId[]]>([
    ['queue', ['queue', 'queue-cur', 'queue-max', 'queue-limit']],
    ['session-rate', ['rate', 'rate-cur', 'rate-max']],
    [
      'sessions',
      [
        'sessions',
        'sessions-cur',
        'sessions-max',
        'sessions-limit',
        'sessions-total',
        'lbtot',
        'last-session',
      ],
    ],
    ['bytes', ['bytes-in', 'bytes-out']],
    ['denied', ['denied-req', 'denied-resp']],
    ['errors', ['errors-req', 'errors-conn', 'errors-resp']],
    ['warnings', ['retries', 'redispatches']],
    [
      'server',
      [
        'status',
        'name',
        'role',
        'check',
        'last-change',
        'downtime',
        'checks',
        'check-failures',
        'check-downs',
        'weight',
        'throttle',
      ],
    ],
    ['http', ['http-1xx', 'http-2xx', 'http-3xx', 'http-4xx', 'http-5xx', 'http-other', 'http-5xx-rate']],
    ['times', ['time-queue', 'time-connect', 'time-response', 'time-total']],
    ['hapscope', ['address', 'node', 'pool', 'latency', 'uptime']],
  ])('group %s', (group, ids) => {
    expect(idsOf(group)).toEqual(ids);
  });

  test('every group is offered, in the stats page order', () => {
    expect(COLUMN_GROUPS.map((g) => g.label)).toEqual([
      'Queue',
      'Session rate',
      'Sessions',
      'Bytes',
      'Denied',
      'Errors',
      'Warnings',
      'Server',
      'HTTP responses',
      'Times (average of the last 1024)',
      'hapscope',
    ]);
  });

  test('only status and name are fixed, and they come first (they stick while the table scrolls)', () => {
    expect(COLUMNS.filter((c) => c.fixed).map((c) => c.id)).toEqual(['status', 'name']);
    expect(COLUMNS.slice(0, 2).map((c) => c.id)).toEqual(['status', 'name']);
  });

  test.each<[ColumnId, string]>([
    ['queue-limit', 'qlimit'],
    ['last-session', 'lastsess'],
    ['bytes-in', 'bin'],
    ['denied-resp', 'dresp'],
    ['errors-conn', 'econ'],
    ['redispatches', 'wredis'],
    ['http-other', 'hrsp_other'],
    ['time-response', 'rtime'],
    ['downtime', 'downtime'],
    ['throttle', 'throttle'],
    ['lbtot', 'lbtot'],
  ])('the tooltip of %s names the CSV field %s', (id, field) => {
    expect(columnById(id)?.title).toContain(`(${field})`);
  });

  test('isColumnId knows the ids and nothing else', () => {
    expect(isColumnId('time-total')).toBe(true);
    expect(isColumnId('server')).toBe(false);
    expect(isColumnId(null)).toBe(false);
  });
});

const traffic = { ...httpRates({ http2xx: 90, http5xx: 10 }), bytesIn: 1536 };
const server: Server = makeServer({
  name: 'web1',
  weight: 7,
  backup: true,
  queue: { current: 2, max: 9, limit: null },
  sessions: { current: 3, max: 40, limit: 100, total: 1234 },
  sessionRate: { current: 1, max: 5 },
  lbTotal: 77,
  lastSessionSec: 65,
  throttlePct: 40,
  checkFailures: 0,
  checkDowns: 2,
  counters: traffic,
  rates: httpRates({ http2xx: 9, http5xx: 1 }),
  times: { queueMs: 0, connectMs: 2, responseMs: 1450, totalMs: 1500 },
});
const backend = makeBackend({ instance: 'lb1', name: 'be_app', servers: [server] });

describe('what a server cell says, and sorts by', () => {
  test.each<[ColumnId, string, number | string | null]>([
    ['role', 'backup', 1],
    ['queue', '2 / 9', 2],
    ['queue-limit', '–', null],
    ['sessions', '3 / 40 / 100', 3],
    ['sessions-total', '1,234', 1234],
    ['lbtot', '77', 77],
    ['last-session', '1m 05s', 65],
    ['bytes-in', '1.5 KiB', 1536],
    ['bytes-out', '–', null],
    ['http-5xx', '10', 10],
    ['http-5xx-rate', '1.0/s · 10%', 1],
    ['time-response', '1.4 s', 1450],
    ['time-queue', '0 ms', 0],
    ['checks', '0 / 2', 0],
    ['check-downs', '2', 2],
    ['weight', '7', 7],
    ['throttle', '40%', 40],
    ['uptime', '–', null],
  ])('%s: "%s", sorted by %s', (id, text, sort) => {
    const column = columnById(id)!;
    expect(column.server.text(server, CTX, backend)).toBe(text);
    expect(column.server.sort(server, CTX, backend)).toBe(sort);
  });

  test('a server never given a session reads "never" and sorts as the longest idle', () => {
    const column = columnById('last-session')!;
    const idle = makeServer({ lastSessionSec: null });
    expect(column.server.text(idle, CTX, backend)).toBe('never');
    expect(column.server.sort(idle, CTX, backend)).toBe(Number.POSITIVE_INFINITY);
  });

  test('the 24h uptime comes from the history, by server key', () => {
    const uptimeOf = (key: string) => (key === 'lb1\nbe_app\nweb1' ? 99.5 : undefined);
    const column = columnById('uptime')!;
    expect(column.server.text(server, { ...CTX, uptimeOf }, backend)).toBe('99.50%');
    expect(column.backend?.text(backend, { ...CTX, uptimeOf: () => 97.25 }, backend)).toBe('97.2%');
  });

  test('a zero downtime or failure count steps back; a non-zero one does not', () => {
    const downtime = columnById('downtime')!;
    expect(downtime.server.look?.(makeServer({ downtimeSec: 0 }), CTX)).toEqual({ tone: 'muted' });
    expect(downtime.server.look?.(makeServer({ downtimeSec: 30 }), CTX)).toBeNull();
    expect(columnById('check-failures')!.server.look?.(server, CTX)).toEqual({ tone: 'muted' });
  });
});

describe('backend group rows', () => {
  test.each<[ColumnId, boolean]>([
    ['role', false],
    ['address', false],
    ['check', false],
    ['latency', false],
    ['queue-limit', false],
    ['weight', false],
    ['checks', false],
    ['queue', true],
    ['sessions-total', true],
    ['last-session', true],
    ['bytes-out', true],
    ['http-5xx-rate', true],
    ['time-response', true],
    ['last-change', true],
    ['downtime', true],
    ['uptime', true],
  ])('%s has a backend figure: %s', (id, has) => {
    expect(columnById(id)?.backend !== null).toBe(has);
  });

  test('show the backend’s own figures, not a sum of its servers', () => {
    const own = makeBackend({
      servers: [server],
      counters: { ...noTraffic(), bytesOut: 5 * 1024 * 1024 },
      lastChangeSec: 3600,
    });
    expect(columnById('bytes-out')!.backend!.text(own, CTX, own)).toBe('5.0 MiB');
    expect(columnById('last-change')!.backend!.text(own, CTX, own)).toBe('1h 00m');
    expect(columnById('last-session')!.backend!.text(own, CTX, own)).toBe('never');
  });
});
