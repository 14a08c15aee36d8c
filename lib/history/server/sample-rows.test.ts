import { describe, expect, test } from 'vitest';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { BackendSampleRow, SampleRow } from '@/lib/store';
import { backendSampleChanged, sampleChanged, toBackendSampleRow, toSampleRow } from './sample-rows';

const quiet: SampleRow = {
  status: 0,
  transition: 0,
  checkDurationMs: 10,
  sessions: 2,
  queue: 0,
  rate: 1,
  stot: 100,
  chkfail: 0,
  chkdown: 0,
  downtime: 0,
  http5xxRate: 0,
  connectionErrorsRate: 0,
  responseErrorsRate: 0,
  responseMs: 100,
  totalMs: 120,
  bytesInRate: 10_000,
  bytesOutRate: 50_000,
};

describe('sampleChanged: what makes the recorder write a server sample before the heartbeat', () => {
  test.each<[string, Partial<SampleRow>, boolean]>([
    ['nothing', {}, false],
    ['stot and downtime alone', { stot: 150, downtime: 3 }, false],
    ['sessions', { sessions: 3 }, true],
    ['check duration by 2 ms (jitter)', { checkDurationMs: 12 }, false],
    ['check duration by 3 ms', { checkDurationMs: 13 }, true],
    ['a first 5xx', { http5xxRate: 0.5 }, true],
    ['connection errors', { connectionErrorsRate: 0.0167 }, true],
    ['response errors', { responseErrorsRate: 2 }, true],
    ['5xx rate unknown', { http5xxRate: null }, true],
    ['rtime by 10 ms (10 %)', { responseMs: 110 }, false],
    ['rtime by 11 ms', { responseMs: 111 }, true],
    ['ttime by 13 ms', { totalMs: 133 }, true],
    ['ttime unknown', { totalMs: null }, true],
    ['bytes in by 1000 B/s (10 %)', { bytesInRate: 11_000 }, false],
    ['bytes in by 1100 B/s', { bytesInRate: 11_100 }, true],
    ['bytes out by 5001 B/s', { bytesOutRate: 44_999 }, true],
  ])('%s → %s', (_what, patch, changed) => {
    expect(sampleChanged(quiet, { ...quiet, ...patch })).toBe(changed);
  });

  test('small bytes rates: a move under 1 KiB/s is noise, even from nothing', () => {
    const idle = { ...quiet, bytesInRate: 0 };
    expect(sampleChanged(idle, { ...idle, bytesInRate: 1000 })).toBe(false);
    expect(sampleChanged(idle, { ...idle, bytesInRate: 1100 })).toBe(true);
  });
});

describe('backendSampleChanged', () => {
  const row: BackendSampleRow = { ...quiet, sessions: 5, rate: 3 };
  test.each<[string, Partial<BackendSampleRow>, boolean]>([
    ['nothing', {}, false],
    ['sessions', { sessions: 6 }, true],
    ['session rate', { rate: 4 }, true],
    ['its own 503s', { http5xxRate: 3 }, true],
    ['ttime by 2 ms', { totalMs: 122 }, false],
  ])('%s → %s', (_what, patch, changed) => {
    expect(backendSampleChanged(row, { ...row, ...patch })).toBe(changed);
  });
});

test('rows take the traffic from the model: error rates to 4 decimals, bytes to whole bytes per second', () => {
  const traffic = {
    rates: {
      ...noTraffic(),
      http5xx: 1 / 2.003,
      connectionErrors: 0,
      responseErrors: null,
      bytesIn: 1234.56,
      bytesOut: 99.4,
    },
    times: { queueMs: 1, connectMs: 2, responseMs: 35, totalMs: null },
  };
  const server = syntheticServer('a', traffic);
  const expected = {
    http5xxRate: 0.4993,
    connectionErrorsRate: 0,
    responseErrorsRate: null,
    responseMs: 35,
    totalMs: null,
    bytesInRate: 1235,
    bytesOutRate: 99,
  };
  expect(toSampleRow(server)).toMatchObject(expected);
  const backend = {
    ...syntheticBackend('eu', 'web', [server]),
    ...traffic,
    sessions: { current: 7, max: 9, limit: null, total: 70 },
    sessionRate: { current: 2, max: 4 },
  };
  expect(toBackendSampleRow(backend)).toEqual({ sessions: 7, rate: 2, ...expected });
});
