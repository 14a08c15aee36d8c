'use client';

import type { HistoryChartProps } from './chart-types';
import { formatMs } from '../ui/format';
import { TimeSeriesChart } from './time-series-chart';

/** Response time: HAProxy's rtime (to the response's headers) and ttime (the whole session), in ms. */
export function ResponseTimeChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Response time"
      series={[
        { key: 'responseMs', name: 'response (rtime)', color: 'var(--accent)' },
        { key: 'totalMs', name: 'total (ttime)', color: 'var(--st-going-up)', dashed: true },
      ]}
      formatValue={formatMs}
      testId="chart-response-time"
    />
  );
}
