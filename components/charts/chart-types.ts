/** What every history chart takes through its props: points, transition markers and shaded spans (epoch ms). */

/** Every series a history chart draws, under the API's names. */
export const CHART_SERIES = [
  'checkDurationMs',
  'sessions',
  'sessionRate',
  'queue',
  'http5xxRate',
  'connectionErrorsRate',
  'responseErrorsRate',
  'responseMs',
  'totalMs',
  'bytesInRate',
  'bytesOutRate',
] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

/**
 * One instant of a history: a rollup's maximum where the history is rolled up and keeps one, else the value.
 * null is a break in the line; a series the history does not have (a backend has no check) is left out.
 */
export type ChartPoint = { t: number } & Partial<Record<ChartSeries, number | null>>;

export type MarkerTone = 'up' | 'down' | 'going-down' | 'going-up' | 'maint' | 'drain' | 'nolb' | 'nocheck';

export interface ChartMarker {
  at: number;
  tone: MarkerTone;
  label: string;
}

export interface ShadedSpan {
  from: number;
  to: number;
  tone: 'down' | 'planned' | 'no-data';
}

/** Props shared by the history charts. */
export interface HistoryChartProps {
  data: readonly ChartPoint[];
  from: number;
  to: number;
  markers: readonly ChartMarker[];
  spans: readonly ShadedSpan[];
  /** History before this was generated for the demo; shaded and labelled. */
  generatedUntil: number | null;
  height?: number;
}

export const TONE_COLOR: Record<MarkerTone, string> = {
  up: 'var(--st-up)',
  down: 'var(--st-down)',
  'going-down': 'var(--st-going-down)',
  'going-up': 'var(--st-going-up)',
  maint: 'var(--st-maint)',
  drain: 'var(--st-drain)',
  nolb: 'var(--st-nolb)',
  nocheck: 'var(--st-nocheck)',
};

export const SPAN_FILL: Record<ShadedSpan['tone'], string> = {
  down: 'var(--st-down)',
  planned: 'var(--st-maint)',
  'no-data': 'var(--text-faint)',
};
