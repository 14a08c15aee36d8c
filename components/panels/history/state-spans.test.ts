import { expect, test } from 'vitest';
import type { HistoryDto, HistorySampleDto, TransitionDto } from '@/lib/api/history-dto';
import type { ServerStatus, Transition } from '@/lib/health/types';
import { toChartPoints } from './chart-points';
import { toMarkers, toShadedSpans } from './state-spans';

const T0 = Date.parse('2025-05-01T12:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

const change = (
  s: number,
  from: ServerStatus,
  to: ServerStatus,
  toTransition: Transition = null,
): TransitionDto => ({
  at: at(s),
  from,
  to,
  checkStatus: null,
  description: null,
  fromTransition: null,
  toTransition,
  checkCode: null,
  kind: 'observed',
  precise: true,
  precisionMs: 1000,
});
const sample = (
  s: number,
  status: ServerStatus,
  extra: Partial<HistorySampleDto> = {},
): HistorySampleDto => ({
  at: at(s),
  status,
  checkDurationMs: 5,
  sessions: 1,
  queue: 0,
  sessionRate: 2,
  transition: null,
  http5xxRate: null,
  connectionErrorsRate: null,
  responseErrorsRate: null,
  responseMs: null,
  totalMs: null,
  bytesInRate: null,
  bytesOutRate: null,
  ...extra,
});
const history = (patch: Partial<HistoryDto>) =>
  ({
    from: at(0),
    to: at(600),
    samples: [sample(0, 'UP')],
    transitions: [],
    noData: [],
    ...patch,
  }) as HistoryDto;

test('markers are coloured by the state entered', () => {
  expect(
    toMarkers([
      change(10, 'UP', 'UP', 'going-down'),
      change(13, 'UP', 'DOWN'),
      change(40, 'DOWN', 'MAINT'),
    ]).map((m) => [m.tone, m.label]),
  ).toEqual([
    ['going-down', 'UP → UP (going-down)'],
    ['down', 'UP → DOWN'],
    ['maint', 'DOWN → MAINT'],
  ]);
});

test('DOWN is shaded from the transition into it until the one out of it', () => {
  const spans = toShadedSpans(
    history({
      transitions: [
        change(60, 'UP', 'DOWN'),
        change(90, 'DOWN', 'DOWN', 'going-up'),
        change(120, 'DOWN', 'UP'),
      ],
    }),
  );
  expect(spans).toEqual([{ from: T0 + 60_000, to: T0 + 120_000, tone: 'down' }]);
});

test('a range that starts DOWN and never recovers is shaded to its end; gaps are no-data', () => {
  const spans = toShadedSpans(
    history({ samples: [sample(0, 'DOWN')], noData: [{ from: at(300), to: at(360) }] }),
  );
  expect(spans).toEqual([
    { from: T0, to: T0 + 600_000, tone: 'down' },
    { from: T0 + 300_000, to: T0 + 360_000, tone: 'no-data' },
  ]);
});

test('DOWN then MAINT are two spans', () => {
  const spans = toShadedSpans(
    history({ transitions: [change(60, 'UP', 'DOWN'), change(90, 'DOWN', 'MAINT')] }),
  );
  expect(spans.map((s) => s.tone)).toEqual(['down', 'planned']);
});

test('chart points break at a gap and keep rollup maxima', () => {
  const points = toChartPoints(
    history({
      samples: [sample(0, 'UP', { checkDurationMaxMs: 40 }), sample(400, 'UP')],
      noData: [{ from: at(100), to: at(300) }],
    }),
  );
  expect(points.map((p) => [p.t - T0, p.checkDurationMs])).toEqual([
    [0, 40],
    [100_000, null],
    [400_000, 5],
  ]);
});

test('many samples are binned to the maximum of each bin', () => {
  const samples = Array.from({ length: 3600 }, (_, i) =>
    sample(i / 6, 'UP', { checkDurationMs: i === 1234 ? 999 : 5 }),
  );
  const points = toChartPoints(history({ samples }));
  expect(points.length).toBeLessThanOrEqual(720);
  expect(Math.max(...points.map((p) => p.checkDurationMs ?? 0))).toBe(999);
});
