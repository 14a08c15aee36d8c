'use client';

import type { HistoryChartProps } from './chart-types';
import { formatLatency } from './chart-format';
import { TimeSeriesChart } from './time-series-chart';

/** Check latency: check latency in ms, with the server's transitions drawn in. */
export function LatencyChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Check latency"
      series={{ key: 'latency', name: 'Check latency', color: 'var(--accent)' }}
      formatValue={formatLatency}
      testId="chart-latency"
    />
  );
}
