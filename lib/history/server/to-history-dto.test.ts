import { describe, expect, test } from 'vitest';
import { BackendHistorySchema, HistorySchema } from '@/lib/api/schemas/history';
import type { BackendHistory, ServerHistory } from '@/lib/store';
import { toBackendHistoryDto } from './to-backend-history-dto';
import { toHistoryDto } from './to-history-dto';

const T0 = Date.parse('2025-06-01T10:00:00Z');
const traffic = {
  http5xxRate: 0.5,
  connectionErrorsRate: 0,
  responseErrorsRate: null,
  responseMs: 35,
  totalMs: 60,
  bytesInRate: 1200,
  bytesOutRate: 64_000,
};
const maxima = { http5xxRateMax: 2, responseMaxMs: 140, totalMaxMs: null };

describe('server history', () => {
  const history: ServerHistory = {
    server: { id: 1, instance: 'eu', backend: 'web', server: 'a', backup: false, pool: null },
    range: { from: T0, to: T0 + 120_000 },
    resolution: 'minute',
    samples: [
      {
        at: T0,
        status: 'UP',
        transition: null,
        checkDurationMs: 12.5,
        sessions: 3,
        queue: 0,
        sessionRate: 1.5,
        ...traffic,
        rollup: {
          bucketMs: 60_000,
          ...maxima,
          checkDurationMaxMs: 40,
          sessionsMax: 5,
          sessionRateMax: 3,
          upSec: 60,
          downSec: 0,
          plannedSec: 0,
          noDataSec: 0,
        },
      },
      {
        at: T0 + 60_000,
        status: 'DOWN',
        transition: null,
        checkDurationMs: null,
        sessions: 0,
        queue: 0,
        sessionRate: 0,
        ...traffic,
        http5xxRate: null,
      },
    ],
    transitions: [],
    noData: [],
    uptime: { uptimePct: 100, upSec: 60, downSec: 0, plannedSec: 0, noDataSec: 0, degradedSec: 0 },
    buckets: null,
  };

  test('samples carry the traffic under the same names; rollups add the maxima they keep', () => {
    const dto = toHistoryDto(history, null);
    expect(dto.samples).toEqual([
      {
        at: '2025-06-01T10:00:00.000Z',
        status: 'UP',
        transition: null,
        checkDurationMs: 12.5,
        sessions: 3,
        queue: 0,
        sessionRate: 1.5,
        http5xxRate: 0.5,
        connectionErrorsRate: 0,
        responseErrorsRate: null,
        responseMs: 35,
        totalMs: 60,
        bytesInRate: 1200,
        bytesOutRate: 64_000,
        checkDurationMaxMs: 40,
        http5xxRateMax: 2,
        responseMaxMs: 140,
        totalMaxMs: null,
        sessionsMax: 5,
        sessionRateMax: 3,
        upSec: 60,
        downSec: 0,
        plannedSec: 0,
        noDataSec: 0,
      },
      {
        at: '2025-06-01T10:01:00.000Z',
        status: 'DOWN',
        transition: null,
        checkDurationMs: null,
        sessions: 0,
        queue: 0,
        sessionRate: 0,
        http5xxRate: null,
        connectionErrorsRate: 0,
        responseErrorsRate: null,
        responseMs: 35,
        totalMs: 60,
        bytesInRate: 1200,
        bytesOutRate: 64_000,
      },
    ]);
    expect(HistorySchema.safeParse(dto).success).toBe(true);
  });
});

describe('backend history', () => {
  const history: BackendHistory = {
    backend: { id: 7, instance: 'eu', backend: 'web' },
    range: { from: T0, to: T0 + 7_200_000 },
    resolution: 'hour',
    samples: [
      {
        at: T0,
        sessions: 7.7,
        sessionRate: 2,
        ...traffic,
        rollup: { bucketMs: 3_600_000, ...maxima, sessionsMax: 10, sessionRateMax: 4, noDataSec: 3442 },
      },
      { at: T0 + 3_600_000, sessions: 4, sessionRate: 1, ...traffic },
    ],
    noData: [{ from: T0 + 3_700_000, to: T0 + 7_200_000 }],
  };

  test('names, range, samples with their maxima, no data and the generated mark', () => {
    expect(toBackendHistoryDto(history, T0 - 1000)).toEqual({
      instance: 'eu',
      backend: 'web',
      from: '2025-06-01T10:00:00.000Z',
      to: '2025-06-01T12:00:00.000Z',
      resolution: 'hour',
      samples: [
        {
          at: '2025-06-01T10:00:00.000Z',
          sessions: 7.7,
          sessionRate: 2,
          http5xxRate: 0.5,
          connectionErrorsRate: 0,
          responseErrorsRate: null,
          responseMs: 35,
          totalMs: 60,
          bytesInRate: 1200,
          bytesOutRate: 64_000,
          sessionsMax: 10,
          sessionRateMax: 4,
          http5xxRateMax: 2,
          responseMaxMs: 140,
          totalMaxMs: null,
          noDataSec: 3442,
        },
        {
          at: '2025-06-01T11:00:00.000Z',
          sessions: 4,
          sessionRate: 1,
          http5xxRate: 0.5,
          connectionErrorsRate: 0,
          responseErrorsRate: null,
          responseMs: 35,
          totalMs: 60,
          bytesInRate: 1200,
          bytesOutRate: 64_000,
        },
      ],
      noData: [{ from: '2025-06-01T11:01:40.000Z', to: '2025-06-01T12:00:00.000Z' }],
      generatedUntil: '2025-06-01T09:59:59.000Z',
    });
  });

  test('the DTO passes its own schema', () => {
    expect(BackendHistorySchema.safeParse(toBackendHistoryDto(history, null)).success).toBe(true);
  });
});
