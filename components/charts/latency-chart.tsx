'use client';

import type { HistoryChartProps } from './chart-types';
import { formatMs } from '../ui/format';
import { TimeSeriesChart } from './time-series-chart';

/** Check latency: check latency in ms, with the server's transitions drawn in. */
export function LatencyChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Check latency"
      series={{ key: 'checkDurationMs', name: 'Check latency', color: 'var(--accent)' }}
      formatValue={formatMs}
      testId="chart-latency"
    />
  );
}
