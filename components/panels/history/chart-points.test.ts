import { expect, test } from 'vitest';
import type { BackendHistorySampleDto, HistorySampleDto } from '@/lib/api/history-dto';
import { toBackendChartPoints, toChartPoints } from './chart-points';

const T0 = Date.parse('2025-05-01T12:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const traffic = {
  http5xxRate: 0.2,
  connectionErrorsRate: 0.05,
  responseErrorsRate: 0,
  responseMs: 40,
  totalMs: 55,
  bytesInRate: 900,
  bytesOutRate: 20_000,
};
const span = { from: at(0), to: at(7200) };

test("a server's rolled-up sample draws the 5xx and time maxima, the other rates' means", () => {
  const sample: HistorySampleDto = {
    at: at(0),
    status: 'UP',
    transition: null,
    checkDurationMs: 5,
    sessions: 1,
    queue: 0,
    sessionRate: 2,
    ...traffic,
    http5xxRateMax: 3,
    responseMaxMs: 180,
    totalMaxMs: null,
  };
  expect(toChartPoints({ ...span, samples: [sample], noData: [] })).toEqual([
    {
      t: T0,
      checkDurationMs: 5,
      sessions: 1,
      sessionRate: 2,
      queue: 0,
      http5xxRate: 3,
      connectionErrorsRate: 0.05,
      responseErrorsRate: 0,
      responseMs: 180,
      totalMs: 55,
      bytesInRate: 900,
      bytesOutRate: 20_000,
    },
  ]);
});

const backendSample = (s: number, patch: Partial<BackendHistorySampleDto> = {}): BackendHistorySampleDto => ({
  at: at(s),
  sessions: 4,
  sessionRate: 1,
  ...traffic,
  ...patch,
});

test("a backend's points have no check or queue; a gap breaks every line", () => {
  const points = toBackendChartPoints({
    ...span,
    samples: [backendSample(0), backendSample(600, { sessionsMax: 9 })],
    noData: [{ from: at(300), to: at(500) }],
  });
  expect(points.map((p) => [p.t - T0, p.sessions, p.http5xxRate, p.totalMs])).toEqual([
    [0, 4, 0.2, 55],
    [300_000, null, null, null],
    [600_000, 9, 0.2, 55],
  ]);
  expect(points[0]).not.toHaveProperty('checkDurationMs');
  expect(points[1]).toMatchObject({ bytesOutRate: null, responseMs: null, queue: null });
});

test('binned to 720 points, a one-poll burst of 5xx stays at its height', () => {
  const samples = Array.from({ length: 3600 }, (_, i) =>
    backendSample(i * 2, { http5xxRate: i === 2001 ? 7.5 : 0 }),
  );
  const points = toBackendChartPoints({ ...span, samples, noData: [] });
  expect(points.length).toBeLessThanOrEqual(720);
  expect(points.filter((p) => p.http5xxRate === 7.5)).toHaveLength(1);
  expect(points.every((p) => !('checkDurationMs' in p))).toBe(true);
});
