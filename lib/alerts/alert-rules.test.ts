import { describe, expect, test } from 'vitest';
import { emptyFlapState, setFlap, type FlapBook, type FlapState } from '@/lib/health/flapping';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { Backend, Server, ServerStatus, TrafficRates } from '@/lib/health/types';
import { httpRates } from '@/lib/testing/http-rates';
import { DEFAULT_ALERT_SETTINGS, evaluateAlertRules, type AlertRuleInputs } from './alert-rules';
import type { AlertCondition } from './types';

const server = (name: string, status: ServerStatus, extra: Partial<Server> = {}): Server =>
  syntheticServer(name, { status, lastChangeSec: 1, ...extra });

const backend = (name: string, servers: Server[], extra: Partial<Backend> = {}): Backend => ({
  ...syntheticBackend('main', name, servers),
  activeUp: 1,
  activeTotal: 1,
  ...extra,
});

const flapping = (changes: number): FlapState => ({
  ...emptyFlapState(),
  states: Array(21).fill(true),
  flapping: true,
  changes,
  percent: 40,
});
function book(entries: [string, string, string, FlapState][]): FlapBook {
  const flaps: FlapBook = new Map();
  for (const [instance, backendName, serverName, state] of entries)
    setFlap(flaps, instance, backendName, serverName, state);
  return flaps;
}
const inputs = (partial: Partial<AlertRuleInputs>): AlertRuleInputs => ({
  sources: [],
  backends: [],
  flaps: new Map(),
  pools: [],
  ...partial,
});
const evaluate = (partial: Partial<AlertRuleInputs>) =>
  evaluateAlertRules(inputs(partial), DEFAULT_ALERT_SETTINGS);

describe('evaluateAlertRules', () => {
  test('healthy: no conditions', () => {
    expect(
      evaluate({
        backends: [backend('be', [server('a', 'UP')])],
        sources: [{ name: 'main', ok: true, error: null }],
      }),
    ).toEqual([]);
  });

  test.each([
    ['DOWN', 1],
    ['MAINT', 0],
    ['DRAIN', 0],
    ['UP', 0],
    ['NOCHECK', 0],
  ] as const)('a server %s → %i down condition(s) (MAINT and DRAIN are planned)', (status, count) => {
    const found = evaluate({ backends: [backend('be', [server('a', status)])] }).filter(
      (c) => c.kind === 'down',
    );
    expect(found).toHaveLength(count);
  });

  test('a DOWN server waits out the grace and says why', () => {
    const agent = server('agent1', 'DOWN', {
      pool: 'pool-a',
      check: { ...server('x', 'UP').check, status: 'L7STS', code: 503 },
    });
    const [condition] = evaluate({ backends: [backend('codeserver', [agent])] });
    expect(condition).toMatchObject({
      id: 'down:main/codeserver/agent1',
      graceMs: DEFAULT_ALERT_SETTINGS.downGraceMs,
      summary: 'agent1 in pool-a is DOWN, check L7STS 503',
      target: { instance: 'main', backend: 'codeserver', server: 'agent1', pool: 'pool-a' },
    });
  });

  test('serving from backup and no usable server are backend alerts', () => {
    const kinds = evaluate({
      backends: [
        backend('b1', [], {
          servingFromBackup: true,
          activeTotal: 1,
          activeUp: 0,
          backupUp: 1,
          backupTotal: 2,
        }),
        backend('b2', [], { noUsableServer: true }),
      ],
    }).map((c) => [c.id, c.kind]);
    expect(kinds).toEqual([
      ['backup-only:main/b1', 'backup-only'],
      ['down:main/b2', 'down'],
    ]);
  });

  test('a failing source', () => {
    expect(evaluate({ sources: [{ name: 'eu', ok: false, error: 'timeout' }] })).toMatchObject([
      { id: 'source-error:eu', kind: 'source-error', summary: 'source eu cannot be polled: timeout' },
    ]);
  });

  test('flapping servers of one pool are grouped under one "pool unstable" alert', () => {
    const servers = ['s1', 's2', 's3'].map((name) =>
      server(name, 'UP', { pool: name === 's3' ? 'pool-b' : 'pool-a' }),
    );
    const flaps = book(servers.map((s) => ['main', 'be', s.name, flapping(6)]));
    const conditions = evaluate({ backends: [backend('be', servers)], flaps });
    expect(conditions.map((c) => [c.id, c.groupId])).toEqual([
      ['flapping:pool:pool-a', null],
      ['flapping:main/be/s1', 'flapping:pool:pool-a'],
      ['flapping:main/be/s2', 'flapping:pool:pool-a'],
      ['flapping:main/be/s3', null],
    ]);
    expect(conditions[1]!.summary).toBe('s1 in pool-a flapped 6 times in 42 s, check L7OK 200');
  });

  test('one server seen through two sources is one flapping server of its pool, not two', () => {
    const seen = (instance: string) => ({
      ...backend('be', [server('s1', 'UP', { pool: 'pool-a' })]),
      instance,
    });
    const flaps = book(['main', 'sock'].map((i) => [i, 'be', 's1', flapping(6)]));
    const ids = evaluate({ backends: [seen('main'), seen('sock')], flaps }).map((c) => c.id);
    expect(ids).toEqual(['flapping:main/be/s1', 'flapping:sock/be/s1']);
  });

  test('the down and backup-only alerts of a flapping server are grouped under its flap alert', () => {
    const agent = server('agent1', 'DOWN');
    const flaps = book([['main', 'code', 'agent1', flapping(8)]]);
    const conditions = evaluate({
      backends: [
        backend('code', [agent], { servingFromBackup: true, activeUp: 0, backupUp: 1, backupTotal: 1 }),
      ],
      flaps,
    });
    expect(conditions.map((c) => [c.id, c.groupId])).toEqual([
      ['backup-only:main/code', 'flapping:main/code/agent1'],
      ['down:main/code/agent1', 'flapping:main/code/agent1'],
      ['flapping:main/code/agent1', null],
    ]);
  });

  test.each([
    [{ name: 'p', traefikLocal: false, checkLatencyMs: { p95: 10 } }, ['no-local-traefik:p']],
    [{ name: 'p', traefikLocal: null, checkLatencyMs: { p95: 900 } }, ['latency:p']],
    [{ name: 'p', traefikLocal: true, checkLatencyMs: { p95: 500 } }, []],
  ])('pool %j → %j', (pool, ids) => {
    expect(evaluate({ pools: [pool] }).map((c) => c.id)).toEqual(ids);
  });
});

const webBackend = (rates: TrafficRates, extra: Partial<Backend> = {}) =>
  backend('be_web', [server('web1', 'UP')], { rates, ...extra });
const http5xx = (conditions: AlertCondition[]) => conditions.filter((c) => c.kind === 'http-5xx');

describe('http-5xx: a backend answering too many 5xx (judged by the rates it is given)', () => {
  test.each([
    [
      'the example: 37 % at 4.2/s',
      { http2xx: 7.15, http5xx: 4.2 },
      'be_web: 37 % of responses are 5xx (4.2/s)',
    ],
    ['exactly 5 % at 5/s', { http2xx: 95, http5xx: 5 }, 'be_web: 5 % of responses are 5xx (5/s)'],
    ['4 %: below the share', { http2xx: 96, http5xx: 4 }, null],
    ['exactly 0.1/s at 33 %', { http2xx: 0.2, http5xx: 0.1 }, 'be_web: 33 % of responses are 5xx (0.1/s)'],
    ['one error in three requests over 20 s: 0.05/s, not an outage', { http2xx: 0.1, http5xx: 0.05 }, null],
    ['every response a 5xx', { http5xx: 120 }, 'be_web: 100 % of responses are 5xx (120/s)'],
    [
      '1xx, 3xx and other responses count as responses',
      { http3xx: 18, httpOther: 1, http5xx: 1 },
      'be_web: 5 % of responses are 5xx (1/s)',
    ],
    ['… so one 5xx among 21 is below 5 %', { http3xx: 19, httpOther: 1, http5xx: 1 }, null],
    ["4xx are the clients' errors, not the backend's", { http2xx: 10, http4xx: 90 }, null],
    ['no traffic at all', {}, null],
    [
      'first poll: no rates yet',
      { http1xx: null, http2xx: null, http3xx: null, http4xx: null, http5xx: null, httpOther: null },
      null,
    ],
    ['a class unknown', { http2xx: 1, http5xx: 9, httpOther: null }, null],
  ] as const)('%s → %s', (_, perSecond, summary) => {
    const found = http5xx(evaluate({ backends: [webBackend(httpRates(perSecond))] }));
    expect(found.map((c) => c.summary)).toEqual(summary === null ? [] : [summary]);
  });

  test('tcp mode: HAProxy reports no HTTP counters, so no rates, so never an alert', () => {
    expect(evaluate({ backends: [webBackend(noTraffic())] })).toEqual([]);
  });

  test('a firing backend alert: critical, on the backend, after the grace', () => {
    expect(http5xx(evaluate({ backends: [webBackend(httpRates({ http2xx: 1, http5xx: 1 }))] }))).toEqual([
      {
        id: 'http-5xx:main/be_web',
        kind: 'http-5xx',
        severity: 'critical',
        target: { instance: 'main', backend: 'be_web', server: null, pool: null },
        summary: 'be_web: 50 % of responses are 5xx (1/s)',
        graceMs: 10_000,
        groupId: null,
      },
    ]);
  });

  test.each([
    // share, min rate, rates → fires
    [29, 0.1, { http2xx: 35.5, http5xx: 14.5 }, true], // 14.5 / 50 is 28.999… in floating point
    [30, 0.1, { http2xx: 35.5, http5xx: 14.5 }, false],
    [5, 20, { http2xx: 35.5, http5xx: 14.5 }, false],
    [5, 14.5, { http2xx: 35.5, http5xx: 14.5 }, true],
    [100, 0.1, { http2xx: 0.01, http5xx: 100 }, false],
  ])(
    'ALERT_HTTP_5XX_PCT %i, ALERT_HTTP_5XX_MIN_RATE %d, rates %j → fires: %s',
    (pct, minRate, perSecond, fires) => {
      const settings = { ...DEFAULT_ALERT_SETTINGS, http5xxPct: pct, http5xxMinRate: minRate };
      const found = http5xx(
        evaluateAlertRules(inputs({ backends: [webBackend(httpRates(perSecond))] }), settings),
      );
      expect(found).toHaveLength(fires ? 1 : 0);
    },
  );

  test('the 5xx of a backend with no usable server are grouped under its down alert', () => {
    const conditions = evaluate({
      backends: [webBackend(httpRates({ http5xx: 30 }), { noUsableServer: true, activeUp: 0 })],
    });
    expect(conditions.map((c) => [c.id, c.groupId])).toEqual([
      ['down:main/be_web', null],
      ['http-5xx:main/be_web', 'down:main/be_web'],
    ]);
  });
});

describe('response-time: a server slow to answer while it serves', () => {
  const slowServer = (status: ServerStatus, responseMs: number | null, lastSessionSec: number | null) =>
    server('web1', status, {
      pool: 'pool-a',
      lastSessionSec,
      times: { queueMs: 0, connectMs: 1, responseMs, totalMs: responseMs },
    });
  const responseTime = (s: Server, settings = DEFAULT_ALERT_SETTINGS) =>
    evaluateAlertRules(inputs({ backends: [backend('be_web', [s])] }), settings).filter(
      (c) => c.kind === 'response-time',
    );

  test.each([
    ['UP', 1000, 0, 'web1 in pool-a: average response time 1000 ms (threshold 1000 ms)'],
    ['UP', 999, 0, null],
    ['UP', 1450, 60, 'web1 in pool-a: average response time 1450 ms (threshold 1000 ms)'],
    ['UP', 1450, 61, null], // idle for a minute: its rtime is the past's
    ['UP', 1450, null, null], // never served
    ['UP', null, 5, null], // tcp mode or no request yet
    ['MAINT', 5000, 1, null],
    ['DRAIN', 5000, 1, null],
    ['NOLB', 1450, 5, 'web1 in pool-a: average response time 1450 ms (threshold 1000 ms)'],
    ['NOCHECK', 1450, 5, 'web1 in pool-a: average response time 1450 ms (threshold 1000 ms)'],
    ['DOWN', 1450, 5, 'web1 in pool-a: average response time 1450 ms (threshold 1000 ms)'],
  ] as const)('%s, rtime %s ms, last session %s s ago → %s', (status, ms, lastSessionSec, summary) => {
    const found = responseTime(slowServer(status, ms, lastSessionSec));
    expect(found.map((c) => c.summary)).toEqual(summary === null ? [] : [summary]);
  });

  test('a firing server alert: a warning on the server, after the grace', () => {
    expect(responseTime(slowServer('UP', 2300, 3))).toEqual([
      {
        id: 'response-time:main/be_web/web1',
        kind: 'response-time',
        severity: 'warning',
        target: { instance: 'main', backend: 'be_web', server: 'web1', pool: 'pool-a' },
        summary: 'web1 in pool-a: average response time 2300 ms (threshold 1000 ms)',
        graceMs: 10_000,
        groupId: null,
      },
    ]);
  });

  test.each([
    [250, 249, 0],
    [250, 250, 1],
    [5000, 4999, 0],
  ])('ALERT_RESPONSE_TIME_MS %i, rtime %i ms → %i alert(s)', (threshold, ms, count) => {
    const settings = { ...DEFAULT_ALERT_SETTINGS, responseTimeMs: threshold };
    expect(responseTime(slowServer('UP', ms, 1), settings)).toHaveLength(count);
  });

  test("a DOWN server's slowness is grouped under its down alert", () => {
    const conditions = evaluate({ backends: [backend('be_web', [slowServer('DOWN', 3000, 2)])] });
    expect(conditions.map((c) => [c.id, c.groupId])).toEqual([
      ['down:main/be_web/web1', null],
      ['response-time:main/be_web/web1', 'down:main/be_web/web1'],
    ]);
  });
});

describe('lb-disagree: two load balancers (two HAProxy processes) disagree about a server', () => {
  const pair = (a: ServerStatus, b: ServerStatus, bOk = true) =>
    inputs({
      sources: [
        { name: 'lb-a', ok: true, error: null },
        { name: 'lb-b', ok: bOk, error: bOk ? null : 'timeout' },
      ],
      backends: [
        syntheticBackend('lb-a', 'web', [server('node1', a, { pool: 'pool-a' })]),
        syntheticBackend('lb-b', 'web', [
          server('node1', b, {
            pool: 'pool-a',
            check: {
              ...server('x', 'DOWN').check,
              status: 'L4CON',
              code: null,
              description: 'Layer4 connection problem',
            },
          }),
        ]),
      ],
    });
  const disagreements = (a: ServerStatus, b: ServerStatus, bOk = true) =>
    evaluateAlertRules(pair(a, b, bOk), DEFAULT_ALERT_SETTINGS).filter((c) => c.kind === 'lb-disagree');

  test.each([
    ['UP', 'DOWN', true, 1],
    ['DOWN', 'UP', true, 1],
    ['NOLB', 'DOWN', true, 1],
    ['UP', 'UP', true, 0],
    ['DOWN', 'DOWN', true, 0],
    ['MAINT', 'DOWN', true, 0],
    ['UP', 'DOWN', false, 0], // lb-b's data is stale while it cannot be polled: no view to compare
  ] as const)('lb-a %s, lb-b %s (lb-b answering: %s) → %i', (a, b, bOk, count) => {
    expect(disagreements(a, b, bOk)).toHaveLength(count);
  });

  test('names both views, waits out its own grace, links to the load balancer that cannot reach it', () => {
    expect(
      evaluateAlertRules(pair('UP', 'DOWN'), { ...DEFAULT_ALERT_SETTINGS, lbDisagreeGraceMs: 45_000 }).find(
        (c) => c.kind === 'lb-disagree',
      ),
    ).toEqual({
      id: 'lb-disagree:web/node1',
      kind: 'lb-disagree',
      severity: 'warning',
      target: { instance: 'lb-b', backend: 'web', server: 'node1', pool: 'pool-a' },
      summary: 'load balancers disagree about web/node1 in pool-a: UP on lb-a, DOWN on lb-b (L4CON)',
      graceMs: 45_000,
      groupId: null,
    });
  });

  test("with two views, each one's alerts about a server say whose view it is; with one view, no", () => {
    const summaries = (conditions: { kind: string; summary: string }[]) =>
      conditions.filter((c) => c.kind === 'down').map((c) => c.summary);
    expect(summaries(evaluateAlertRules(pair('DOWN', 'DOWN'), DEFAULT_ALERT_SETTINGS))).toEqual([
      'lb-a: node1 in pool-a is DOWN, check L7STS 503',
      'lb-b: node1 in pool-a is DOWN, check L4CON (Layer4 connection problem)',
    ]);
    expect(summaries(evaluateAlertRules(pair('DOWN', 'DOWN', false), DEFAULT_ALERT_SETTINGS))).toEqual([
      'node1 in pool-a is DOWN, check L7STS 503',
      'node1 in pool-a is DOWN, check L4CON (Layer4 connection problem)',
    ]);
  });
});
