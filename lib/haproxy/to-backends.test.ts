import { describe, expect, test } from 'vitest';
import { toBackends } from './to-backends';
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
      queue: { current: 2, max: 9 },
      sessions: { current: 4, max: 12, limit: null, total: 100 },
      sessionRate: { current: 5, max: 20 },
      node: null,
      pool: null,
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
