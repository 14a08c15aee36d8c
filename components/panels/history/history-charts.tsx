'use client';

import { useMemo } from 'react';
import type { HistoryDto } from '@/lib/api/history-dto';
import { BytesRateChart } from '../../charts/bytes-rate-chart';
import { ErrorsChart } from '../../charts/errors-chart';
import { LatencyChart } from '../../charts/latency-chart';
import { QueueChart } from '../../charts/queue-chart';
import { ResponseTimeChart } from '../../charts/response-time-chart';
import { SessionRateChart } from '../../charts/session-rate-chart';
import { SessionsChart } from '../../charts/sessions-chart';
import { serverChartView } from './chart-view';
import { ChartLegend } from './history-legend';
import styles from './history.module.css';

export const CHART_HEIGHT = 170;
const CHARTS = 7;

/**
 * One server's check latency, session rate, sessions, queue, response time, errors and bytes, with its
 * transitions and downtime drawn in.
 */
export function HistoryCharts({ history }: { history: HistoryDto | undefined }) {
  const view = useMemo(() => history && serverChartView(history, CHART_HEIGHT), [history]);
  return (
    <>
      <div className={styles.chartGrid} data-testid="history-charts">
        {view ? (
          <>
            <LatencyChart {...view} />
            <SessionRateChart {...view} />
            <SessionsChart {...view} />
            <QueueChart {...view} />
            <ResponseTimeChart {...view} />
            <ErrorsChart {...view} />
            <BytesRateChart {...view} />
          </>
        ) : (
          Array.from({ length: CHARTS }, (_, i) => (
            <div key={i} className={styles.chartPlaceholder} style={{ height: CHART_HEIGHT + 40 }} />
          ))
        )}
      </div>
      <ChartLegend />
    </>
  );
}
