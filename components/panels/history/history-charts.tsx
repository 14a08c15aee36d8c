'use client';

import { useMemo } from 'react';
import type { HistoryDto } from '@/lib/api/history-dto';
import { LatencyChart } from '../../charts/latency-chart';
import { QueueChart } from '../../charts/queue-chart';
import { SessionRateChart } from '../../charts/session-rate-chart';
import { SessionsChart } from '../../charts/sessions-chart';
import { toChartPoints } from './chart-points';
import { ChartLegend } from './history-legend';
import styles from './history.module.css';
import { toMarkers, toShadedSpans } from './state-spans';

const CHART_HEIGHT = 170;

/** Check latency, session rate, sessions and queue of one server, with its transitions and downtime drawn in. */
export function HistoryCharts({ history }: { history: HistoryDto | undefined }) {
  const view = useMemo(() => {
    if (!history) return null;
    return {
      data: toChartPoints(history),
      from: Date.parse(history.from),
      to: Date.parse(history.to),
      markers: toMarkers(history.transitions),
      spans: toShadedSpans(history),
      generatedUntil: history.generatedUntil ? Date.parse(history.generatedUntil) : null,
      height: CHART_HEIGHT,
    };
  }, [history]);
  return (
    <>
      <div className={styles.chartGrid} data-testid="history-charts">
        {view ? (
          <>
            <LatencyChart {...view} />
            <SessionRateChart {...view} />
            <SessionsChart {...view} />
            <QueueChart {...view} />
          </>
        ) : (
          Array.from({ length: 4 }, (_, i) => (
            <div key={i} className={styles.chartPlaceholder} style={{ height: CHART_HEIGHT + 40 }} />
          ))
        )}
      </div>
      <ChartLegend />
    </>
  );
}
