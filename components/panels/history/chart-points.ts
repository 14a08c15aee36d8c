/** History samples as chart points: at most MAX_POINTS (peaks kept), with a break at every gap in polling. Pure. */
import type { HistoryDto } from '@/lib/api/history-dto';
import type { ChartPoint } from '../../charts/chart-types';

export const MAX_POINTS = 720;

const maxOf = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function toChartPoints(history: Pick<HistoryDto, 'samples' | 'noData' | 'from' | 'to'>): ChartPoint[] {
  const points: ChartPoint[] = history.samples.map((s) => ({
    t: Date.parse(s.at),
    checkDurationMs: s.checkDurationMaxMs ?? s.checkDurationMs,
    sessions: s.sessionsMax ?? s.sessions,
    sessionRate: s.sessionRateMax ?? s.sessionRate,
    queue: s.queue,
  }));
  const binned =
    points.length > MAX_POINTS ? bin(points, Date.parse(history.from), Date.parse(history.to)) : points;
  const gaps = history.noData.map((gap) => ({
    t: Date.parse(gap.from),
    checkDurationMs: null,
    sessions: null,
    sessionRate: null,
    queue: null,
  }));
  return [...binned, ...gaps].sort((a, b) => a.t - b.t);
}

/** Equal time bins, each the maximum of its samples: a spike of one poll stays visible at 30 days. */
function bin(points: readonly ChartPoint[], from: number, to: number): ChartPoint[] {
  const width = Math.max(1, (to - from) / MAX_POINTS);
  const bins = new Map<number, ChartPoint>();
  for (const p of points) {
    const index = Math.floor((p.t - from) / width);
    const current = bins.get(index);
    if (!current) bins.set(index, { ...p, t: from + index * width });
    else {
      current.checkDurationMs = maxOf(current.checkDurationMs, p.checkDurationMs);
      current.sessions = maxOf(current.sessions, p.sessions);
      current.sessionRate = maxOf(current.sessionRate, p.sessionRate);
      current.queue = maxOf(current.queue, p.queue);
    }
  }
  return [...bins.values()];
}
