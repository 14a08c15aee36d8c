import { describe, expect, test } from 'vitest';
import { emptyBackend } from './empty-backend';
import { syntheticServer } from './synthetic-server';
import { fillTrafficRates, noTraffic, trafficRates } from './traffic-rates';
import type { Backend, Frontend, TrafficCounters } from './types';

const counters = (values: Partial<TrafficCounters>): TrafficCounters => ({ ...noTraffic(), ...values });

describe('trafficRates', () => {
  test.each([
    // before, now, elapsed ms → per second
    [100, 160, 2000, 30],
    [100, 100, 2000, 0],
    [0, 1, 4000, 0.25],
    // went back: a reload or `clear counters`; what it counts now happened within the interval
    [5000, 40, 2000, 20],
    [5000, 0, 2000, 0],
  ])('%i → %i over %i ms is %d/s', (before, now, elapsedMs, perSecond) => {
    const rates = trafficRates(counters({ http5xx: before }), counters({ http5xx: now }), elapsedMs);
    expect(rates.http5xx).toBe(perSecond);
  });

  test('null where either reading is null: a counter this kind of proxy does not have stays unknown', () => {
    const rates = trafficRates(counters({ bytesIn: 10 }), counters({ bytesIn: 30, requestErrors: 4 }), 1000);
    expect(rates.bytesIn).toBe(20);
    expect(rates.requestErrors).toBeNull();
    expect(rates.http2xx).toBeNull();
  });

  test('no interval (two polls at the same instant, a clock step back) gives no rate', () => {
    expect(trafficRates(counters({ requests: 1 }), counters({ requests: 5 }), 0).requests).toBeNull();
    expect(trafficRates(counters({ requests: 1 }), counters({ requests: 5 }), -2000).requests).toBeNull();
  });
});

describe('fillTrafficRates', () => {
  const backend = (name: string, servers: [string, number][], http5xx: number): Backend => ({
    ...emptyBackend('lb', name, 'UP'),
    counters: counters({ http5xx }),
    servers: servers.map(([server, requests]) =>
      syntheticServer(server, { counters: counters({ requests }) }),
    ),
  });
  const frontend = (name: string, requests: number): Frontend => ({
    instance: 'lb',
    name,
    status: 'OPEN',
    mode: 'http',
    sessions: { current: 0, max: 0, limit: null, total: 0 },
    sessionRate: { current: 0, max: 0, limit: null },
    requestRate: { current: 0, max: 0 },
    counters: counters({ requests }),
    rates: noTraffic(),
    listeners: [
      {
        name: 'l1',
        status: 'OPEN',
        address: null,
        sessions: { current: 0, max: 0, limit: null, total: 0 },
        counters: counters({ requests }),
        rates: noTraffic(),
      },
    ],
  });

  test('matches frontends, listeners, backends and servers by name, whatever their order', () => {
    const previous = {
      backends: [
        backend(
          'web',
          [
            ['a', 10],
            ['b', 20],
          ],
          4,
        ),
        backend('api', [['x', 0]], 0),
      ],
      frontends: [frontend('www', 100)],
    };
    const current = {
      backends: [
        backend('api', [['x', 6]], 2),
        backend(
          'web',
          [
            ['b', 30],
            ['a', 12],
            ['new', 50],
          ],
          10,
        ),
      ],
      frontends: [frontend('www', 120), frontend('added', 9)],
    };
    fillTrafficRates(previous, current, 2000);
    const [api, web] = current.backends;
    expect(api!.rates.http5xx).toBe(1);
    expect(web!.rates.http5xx).toBe(3);
    expect(web!.servers.map((s) => [s.name, s.rates.requests])).toEqual([
      ['b', 5],
      ['a', 1],
      ['new', null],
    ]);
    expect(api!.servers[0]!.rates.requests).toBe(3);
    expect(current.frontends.map((f) => [f.name, f.rates.requests, f.listeners[0]!.rates.requests])).toEqual([
      ['www', 10, 10],
      ['added', null, null],
    ]);
  });
});

test('rates keep three decimals: 1 in 3 s is 0.333/s', () => {
  expect(trafficRates(counters({ http5xx: 0 }), counters({ http5xx: 1 }), 3000).http5xx).toBe(0.333);
});
