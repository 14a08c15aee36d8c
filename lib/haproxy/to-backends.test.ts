import { describe, expect, test } from 'vitest';
import { toBackends, toProxies } from './to-backends';
import { TRAFFIC_COUNTERS } from '@/lib/health/types';
import { STAT_COLUMNS, type HaproxyStatRow } from './types';

function row(values: Partial<HaproxyStatRow>): HaproxyStatRow {
  const blank = Object.fromEntries(STAT_COLUMNS.map((column) => [column, ''])) as HaproxyStatRow;
  return { ...blank, weight: '1', ...values };
}
const server = (pxname: string, svname: string, status: string, extra: Partial<HaproxyStatRow> = {}) =>
  row({ pxname, svname, status, type: '2', ...extra });

describe('toBackends', () => {
  test('groups servers under their backend and keeps HAProxy order', () => {
    const backends = toBackends(
      [
        row({ pxname: 'fe', svname: 'FRONTEND', type: '0', status: 'OPEN' }),
        server('be_a', 's1', 'UP'),
        server('be_b', 's1', 'DOWN'),
        server('be_a', 's2', 'UP 1/2'),
        row({ pxname: 'be_a', svname: 'BACKEND', type: '1', status: 'UP', scur: '7', rate: '3' }),
      ],
      'main',
    );
    expect(backends.map((b) => [b.instance, b.name, b.servers.map((s) => s.name)])).toEqual([
      ['main', 'be_a', ['s1', 's2']],
      ['main', 'be_b', ['s1']],
    ]);
    expect(backends[0]).toMatchObject({
      status: 'UP',
      sessions: { current: 7 },
      sessionRate: { current: 3 },
    });
  });

  test('maps a server row field by field', () => {
    const [backend] = toBackends(
      [
        server('be', 'agent1', 'UP 1/2', {
          addr: '10.0.0.1:80',
          bck: '0',
          weight: '3',
          check_status: '* L7STS',
          check_code: '503',
          check_duration: '12',
          check_desc: 'Layer7 wrong status',
          last_chk: 'Service Unavailable',
          check_rise: '2',
          check_fall: '2',
          check_health: '2',
          lastchg: '35',
          downtime: '0',
          chkfail: '1',
          chkdown: '0',
          qcur: '2',
          qmax: '9',
          scur: '4',
          smax: '12',
          slim: '',
          stot: '100',
          rate: '5',
          rate_max: '20',
          qlimit: '50',
          lbtot: '97',
          lastsess: '4',
          throttle: '',
          req_tot: '90',
          bin: '1000',
          bout: '20000',
          dresp: '1',
          econ: '2',
          eresp: '3',
          wretr: '4',
          wredis: '5',
          cli_abrt: '6',
          srv_abrt: '7',
          hrsp_1xx: '0',
          hrsp_2xx: '80',
          hrsp_3xx: '1',
          hrsp_4xx: '2',
          hrsp_5xx: '7',
          hrsp_other: '0',
          qtime: '0',
          ctime: '1',
          rtime: '250',
          ttime: '260',
        }),
      ],
      'main',
    );
    expect(backend!.servers[0]).toEqual({
      name: 'agent1',
      address: '10.0.0.1:80',
      status: 'UP',
      transition: 'going-down',
      statusText: 'UP 1/2',
      backup: false,
      weight: 3,
      check: {
        status: 'L7STS',
        inProgress: true,
        code: 503,
        durationMs: 12,
        description: 'Layer7 wrong status',
        lastCheck: 'Service Unavailable',
        rise: 2,
        fall: 2,
        health: 2,
      },
      lastChangeSec: 35,
      downtimeSec: 0,
      checkFailures: 1,
      checkDowns: 0,
      queue: { current: 2, max: 9, limit: 50 },
      sessions: { current: 4, max: 12, limit: null, total: 100 },
      sessionRate: { current: 5, max: 20 },
      lbTotal: 97,
      lastSessionSec: 4,
      throttlePct: null,
      counters: {
        requests: 90,
        bytesIn: 1000,
        bytesOut: 20000,
        deniedConnections: null,
        deniedSessions: null,
        deniedRequests: null,
        deniedResponses: 1,
        requestErrors: null,
        connectionErrors: 2,
        responseErrors: 3,
        retries: 4,
        redispatches: 5,
        clientAborts: 6,
        serverAborts: 7,
        http1xx: 0,
        http2xx: 80,
        http3xx: 1,
        http4xx: 2,
        http5xx: 7,
        httpOther: 0,
      },
      rates: Object.fromEntries(TRAFFIC_COUNTERS.map((key) => [key, null])), // no previous poll: no rate
      times: { queueMs: 0, connectMs: 1, responseMs: 250, totalMs: 260 },
      node: null,
      pool: null,
    });
  });

  test('lastsess -1 is "never" (null); a slowstart throttle reads in percent', () => {
    const [backend] = toBackends(
      [
        server('be', 'never', 'UP', { lastsess: '-1' }),
        server('be', 'warming', 'UP', { lastsess: '0', throttle: '25' }),
      ],
      'main',
    );
    expect(backend!.servers.map((s) => [s.lastSessionSec, s.throttlePct])).toEqual([
      [null, null],
      [0, 25],
    ]);
  });

  test('a backend row gives the backend its own status age, downtime, counters and times', () => {
    const [backend] = toBackends(
      [
        server('be', 's1', 'DOWN'),
        row({
          pxname: 'be',
          svname: 'BACKEND',
          type: '1',
          status: 'DOWN',
          lastchg: '12',
          downtime: '300',
          lbtot: '40',
          lastsess: '-1',
          stot: '41',
          hrsp_5xx: '9',
          dreq: '2',
          rtime: '15',
          ttime: '',
        }),
      ],
      'main',
    );
    expect(backend).toMatchObject({
      lastChangeSec: 12,
      downtimeSec: 300,
      lbTotal: 40,
      lastSessionSec: null,
      sessions: { total: 41 },
      counters: { http5xx: 9, deniedRequests: 2, requestErrors: null },
      times: { queueMs: null, connectMs: null, responseMs: 15, totalMs: null },
    });
  });

  test('frontends and their listeners (option socket-stats) come out beside the backends', () => {
    const { frontends, backends } = toProxies(
      [
        row({
          pxname: 'www',
          svname: 'FRONTEND',
          type: '0',
          status: 'OPEN',
          mode: 'http',
          scur: '3',
          smax: '10',
          slim: '1000',
          stot: '77',
          rate: '2',
          rate_max: '9',
          rate_lim: '',
          req_rate: '4',
          req_rate_max: '12',
          req_tot: '150',
          ereq: '5',
          dreq: '1',
          dcon: '0',
          dses: '0',
          hrsp_5xx: '8',
        }),
        row({
          pxname: 'www',
          svname: 'sock-1',
          type: '3',
          status: 'OPEN',
          addr: '127.0.0.1:80',
          scur: '3',
          ereq: '5',
        }),
        row({
          pxname: 'db',
          svname: 'FRONTEND',
          type: '0',
          status: 'OPEN',
          mode: 'tcp',
          rate_lim: '0', // what HAProxy 2.6 and 3.4 write without `rate-limit sessions`
          req_rate: '',
          req_tot: '',
        }),
        server('be', 's1', 'UP'),
      ],
      'main',
    );
    expect(backends.map((b) => b.name)).toEqual(['be']);
    expect(frontends).toHaveLength(2);
    expect(frontends[0]).toMatchObject({
      instance: 'main',
      name: 'www',
      status: 'OPEN',
      mode: 'http',
      sessions: { current: 3, max: 10, limit: 1000, total: 77 },
      sessionRate: { current: 2, max: 9, limit: null },
      requestRate: { current: 4, max: 12 },
      counters: { requests: 150, requestErrors: 5, deniedRequests: 1, deniedConnections: 0, http5xx: 8 },
      listeners: [
        { name: 'sock-1', status: 'OPEN', address: '127.0.0.1:80', counters: { requestErrors: 5 } },
      ],
    });
    expect(frontends[1]).toMatchObject({
      name: 'db',
      mode: 'tcp',
      sessionRate: { limit: null },
      requestRate: { current: null, max: null },
      counters: { requests: null, http5xx: null },
      listeners: [],
    });
  });

  test.each([
    // active statuses, backup statuses → activeUp, backupUp, servingFromBackup, noUsableServer
    [['UP'], ['UP', 'UP'], 1, 2, false, false],
    [['DOWN'], ['UP', 'DOWN'], 0, 1, true, false],
    [['MAINT'], ['UP 1/2'], 0, 1, true, false],
    [['DOWN 1/2'], ['DOWN'], 0, 0, false, true],
    [['no check'], [], 1, 0, false, false],
    [['DRAIN', 'NOLB'], ['MAINT'], 0, 0, false, true],
    [['UP 2/3', 'DOWN'], [], 1, 0, false, false],
  ])(
    'active %j backup %j → %i/%i up, backup-only %s, none %s',
    (active, backup, activeUp, backupUp, fromBackup, none) => {
      const rows = [
        ...active.map((status, i) => server('be', `a${i}`, status)),
        ...backup.map((status, i) => server('be', `b${i}`, status, { bck: '1' })),
      ];
      expect(toBackends(rows, 'x')[0]).toMatchObject({
        activeUp,
        activeTotal: active.length,
        backupUp,
        backupTotal: backup.length,
        servingFromBackup: fromBackup,
        noUsableServer: none,
      });
    },
  );

  test('a server with weight 0 is not usable', () => {
    expect(toBackends([server('be', 's', 'UP', { weight: '0' })], 'x')[0]).toMatchObject({
      activeUp: 0,
      noUsableServer: true,
    });
  });

  test('garbage numbers read as 0 or null, never NaN', () => {
    const s = toBackends(
      [server('be', 's', 'UP', { scur: 'x', check_duration: 'n/a', lastchg: '' })],
      'x',
    )[0]!.servers[0]!;
    expect(s.sessions.current).toBe(0);
    expect(s.check.durationMs).toBeNull();
    expect(s.lastChangeSec).toBeNull();
  });
});
