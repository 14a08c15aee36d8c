'use client';

import type { HistoryChartProps } from './chart-types';
import { formatRate } from './chart-format';
import { TimeSeriesChart } from './time-series-chart';

/** Session rate: new sessions per second, with the server's transitions drawn in. */
export function SessionRateChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Session rate"
      series={{ key: 'sessionRate', name: 'Session rate', color: 'var(--st-up)' }}
      formatValue={formatRate}
      testId="chart-rate"
    />
  );
}
