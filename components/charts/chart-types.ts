/** What every history chart takes through its props: points, transition markers and shaded spans (epoch ms). */

export interface ChartPoint {
  t: number;
  /** A rollup's maximum when the history is rolled up, else the sample's own. */
  checkDurationMs: number | null;
  sessions: number | null;
  sessionRate: number | null;
  queue: number | null;
}

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
