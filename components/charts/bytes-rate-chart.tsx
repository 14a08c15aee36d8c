'use client';

import type { HistoryChartProps } from './chart-types';
import { formatBytesRate } from './chart-format';
import { TimeSeriesChart } from './time-series-chart';

/** Bytes per second: from clients (in) and to them (out). */
export function BytesRateChart(props: HistoryChartProps) {
  return (
    <TimeSeriesChart
      {...props}
      title="Bytes"
      series={[
        { key: 'bytesOutRate', name: 'out', color: 'var(--st-up)' },
        { key: 'bytesInRate', name: 'in', color: 'var(--accent)', dashed: true },
      ]}
      formatValue={formatBytesRate}
      testId="chart-bytes-rate"
    />
  );
}
