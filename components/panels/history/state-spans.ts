/**
 * What the charts draw over their lines: a marker per transition (coloured by the state entered) and shaded spans
 * while a server was DOWN or in planned maintenance. Pure.
 */
import type { HistoryDto, IntervalDto, TransitionDto } from '@/lib/api/history-dto';
import type { ServerStatus, Transition } from '@/lib/health/types';
import type { ChartMarker, MarkerTone, ShadedSpan } from '../../charts/chart-types';

export function toneOf(status: ServerStatus, transition: Transition): MarkerTone {
  if (status === 'UP') return transition === 'going-down' ? 'going-down' : 'up';
  if (status === 'DOWN') return transition === 'going-up' ? 'going-up' : 'down';
  return status === 'MAINT' ? 'maint' : status === 'DRAIN' ? 'drain' : status === 'NOLB' ? 'nolb' : 'nocheck';
}

const statusText = (status: ServerStatus | null, transition: Transition) =>
  status === null ? '?' : transition ? `${status} (${transition})` : status;

export function toMarkers(transitions: readonly TransitionDto[]): ChartMarker[] {
  return transitions.map((t) => ({
    at: Date.parse(t.at),
    tone: toneOf(t.to, t.toTransition),
    label: `${statusText(t.from, t.fromTransition)} → ${statusText(t.to, t.toTransition)}`,
  }));
}

const spanTone = (status: ServerStatus): ShadedSpan['tone'] | null =>
  status === 'DOWN' ? 'down' : status === 'MAINT' || status === 'DRAIN' ? 'planned' : null;

/** DOWN and planned spans from the state at the range start (first sample) and the transitions; plus no-data. */
export function toShadedSpans(
  history: Pick<HistoryDto, 'samples' | 'transitions' | 'noData' | 'from' | 'to'>,
): ShadedSpan[] {
  const from = Date.parse(history.from);
  const to = Date.parse(history.to);
  const spans: ShadedSpan[] = [];
  const first = history.samples[0];
  let status: ServerStatus | null = first && Date.parse(first.at) <= from + 60_000 ? first.status : null;
  let since = from;
  const close = (at: number) => {
    const tone = status === null ? null : spanTone(status);
    if (tone && at > since) spans.push({ from: since, to: at, tone });
  };
  for (const t of history.transitions) {
    const at = Math.max(from, Math.min(to, Date.parse(t.at)));
    if (status === null && t.from !== null) status = t.from;
    if (spanTone(t.to) !== (status === null ? null : spanTone(status))) {
      close(at);
      since = at;
    }
    status = t.to;
  }
  close(to);
  return [...spans, ...noDataSpans(history.noData)];
}

/** Gaps in polling, greyed. */
export const noDataSpans = (noData: readonly IntervalDto[]): ShadedSpan[] =>
  noData.map((gap) => ({ from: Date.parse(gap.from), to: Date.parse(gap.to), tone: 'no-data' }));
