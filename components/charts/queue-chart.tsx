'use client';

import type { HistoryChartProps } from './chart-types';
import { formatCount } from './chart-format';
import { TimeSeriesChart } from './time-series-chart';

/** Queue: queued requests, with the server's transitions drawn in. */
export function QueueChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Queue"
      series={{ key: 'queue', name: 'Queue', color: 'var(--st-going-down)' }}
      formatValue={formatCount}
      testId="chart-queue"
    />
  );
}
