'use client';

import type { HistoryChartProps } from './chart-types';
import { formatCount } from './chart-format';
import { TimeSeriesChart } from './time-series-chart';

/** Sessions: current sessions, with the server's transitions drawn in. */
export function SessionsChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Sessions"
      series={{ key: 'sessions', name: 'Sessions', color: 'var(--st-going-up)' }}
      formatValue={formatCount}
      testId="chart-sessions"
    />
  );
}
