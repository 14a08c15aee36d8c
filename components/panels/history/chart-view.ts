/** What the history charts are handed, from a server's history or a backend's own (no transitions: no markers). */
import type { BackendHistoryDto, HistoryDto } from '@/lib/api/history-dto';
import type { HistoryChartProps } from '../../charts/chart-types';
import { toBackendChartPoints, toChartPoints } from './chart-points';
import { noDataSpans, toMarkers, toShadedSpans } from './state-spans';

const parseOrNull = (iso: string | null) => (iso ? Date.parse(iso) : null);

export function serverChartView(history: HistoryDto, height: number): HistoryChartProps {
  return {
    data: toChartPoints(history),
    from: Date.parse(history.from),
    to: Date.parse(history.to),
    markers: toMarkers(history.transitions),
    spans: toShadedSpans(history),
    generatedUntil: parseOrNull(history.generatedUntil),
    height,
  };
}

export function backendChartView(history: BackendHistoryDto, height: number): HistoryChartProps {
  return {
    data: toBackendChartPoints(history),
    from: Date.parse(history.from),
    to: Date.parse(history.to),
    markers: [],
    spans: noDataSpans(history.noData),
    generatedUntil: parseOrNull(history.generatedUntil),
    height,
  };
}
