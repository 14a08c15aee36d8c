'use client';

import type { HistoryChartProps } from './chart-types';
import { formatEventRate } from './chart-format';
import { TimeSeriesChart } from './time-series-chart';

/** Errors per second: HTTP 5xx answers, and connection and response errors towards the servers. */
export function ErrorsChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Errors"
      series={[
        { key: 'http5xxRate', name: '5xx', color: 'var(--st-down)' },
        { key: 'connectionErrorsRate', name: 'connection', color: 'var(--st-going-down)', dashed: true },
        { key: 'responseErrorsRate', name: 'response', color: 'var(--st-maint)', dashed: true },
      ]}
      formatValue={formatEventRate}
      allowDecimals
      testId="chart-errors"
    />
  );
}
