/**
 * History samples (a server's or a backend's own) as chart points: at most MAX_POINTS (peaks kept), with a break
 * at every gap in polling. Rolled-up samples draw their maximum where the rollup keeps one. Pure.
 */
import type {
  BackendHistoryDto,
  BackendHistorySampleDto,
  HistoryDto,
  HistorySampleDto,
} from '@/lib/api/history-dto';
import { CHART_SERIES, type ChartPoint } from '../../charts/chart-types';

export const MAX_POINTS = 720;

type Span = Pick<HistoryDto, 'noData' | 'from' | 'to'>;

export function toChartPoints(history: Span & Pick<HistoryDto, 'samples'>): ChartPoint[] {
  return withGaps(history.samples.map(serverPoint), history);
}

export function toBackendChartPoints(history: Span & Pick<BackendHistoryDto, 'samples'>): ChartPoint[] {
  return withGaps(history.samples.map(backendPoint), history);
}

const serverPoint = (s: HistorySampleDto): ChartPoint => ({
  t: Date.parse(s.at),
  checkDurationMs: s.checkDurationMaxMs ?? s.checkDurationMs,
  sessions: s.sessionsMax ?? s.sessions,
  sessionRate: s.sessionRateMax ?? s.sessionRate,
  queue: s.queue,
  ...trafficPoint(s),
});

const backendPoint = (s: BackendHistorySampleDto): ChartPoint => ({
  t: Date.parse(s.at),
  sessions: s.sessionsMax ?? s.sessions,
  sessionRate: s.sessionRateMax ?? s.sessionRate,
  ...trafficPoint(s),
});

function trafficPoint(s: HistorySampleDto | BackendHistorySampleDto): Omit<ChartPoint, 't'> {
  return {
    http5xxRate: s.http5xxRateMax ?? s.http5xxRate,
    connectionErrorsRate: s.connectionErrorsRate,
    responseErrorsRate: s.responseErrorsRate,
    responseMs: s.responseMaxMs ?? s.responseMs,
    totalMs: s.totalMaxMs ?? s.totalMs,
    bytesInRate: s.bytesInRate,
    bytesOutRate: s.bytesOutRate,
  };
}

function withGaps(points: ChartPoint[], history: Span): ChartPoint[] {
  const binned =
    points.length > MAX_POINTS ? bin(points, Date.parse(history.from), Date.parse(history.to)) : points;
  const gaps = history.noData.map((gap) => {
    const point: ChartPoint = { t: Date.parse(gap.from) };
    for (const key of CHART_SERIES) point[key] = null;
    return point;
  });
  return [...binned, ...gaps].sort((a, b) => a.t - b.t);
}

const maxOf = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined ? b : b === null || b === undefined ? a : Math.max(a, b);

/** Equal time bins, each the maximum of its samples: a spike of one poll stays visible at 30 days. */
function bin(points: readonly ChartPoint[], from: number, to: number): ChartPoint[] {
  const width = Math.max(1, (to - from) / MAX_POINTS);
  const bins = new Map<number, ChartPoint>();
  for (const p of points) {
    const index = Math.floor((p.t - from) / width);
    const current = bins.get(index);
    if (!current) bins.set(index, { ...p, t: from + index * width });
    else for (const key of CHART_SERIES) if (key in p) current[key] = maxOf(current[key], p[key]);
  }
  return [...bins.values()];
}
