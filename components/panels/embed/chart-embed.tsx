'use client';

import { useMemo } from 'react';
import { backendHref, serverHref } from '@/lib/api/urls';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { ErrorsChart } from '../../charts/errors-chart';
import { LatencyChart } from '../../charts/latency-chart';
import { QueueChart } from '../../charts/queue-chart';
import { ResponseTimeChart } from '../../charts/response-time-chart';
import { SessionRateChart } from '../../charts/session-rate-chart';
import { ApiError } from '../../hooks/fetch-json';
import { useBackendHistory } from '../../hooks/use-backend-history';
import { useServerHistory } from '../../hooks/use-server-history';
import { backendChartView, serverChartView } from '../history/chart-view';
import { ChartLegend } from '../history/history-legend';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';

const CHARTS = {
  latency: LatencyChart,
  'session-rate': SessionRateChart,
  queue: QueueChart,
  'response-time': ResponseTimeChart,
  errors: ErrorsChart,
} as const;
export type ChartPanel = keyof typeof CHARTS;
const NAMES: Record<ChartPanel, string> = {
  latency: 'check latency',
  'session-rate': 'session rate',
  queue: 'queue',
  'response-time': 'response time',
  errors: 'errors',
};
const HEIGHT = 180;

/**
 * One server's metric over the range with its transitions and downtime drawn in (the backend page's chart), or a
 * backend's own (response time, errors: its HAProxy row, with the 503s it answers itself).
 */
export function ChartEmbed({ options, metric }: { options: EmbedOptions; metric: ChartPanel }) {
  const target = options.target;
  const server = target.type === 'server' ? target : null;
  const backend = target.type === 'backend' ? target : null;
  const range = { kind: 'preset', preset: options.range } as const;
  const refresh = { refreshMs: options.refreshSec * 1000 };
  const serverHistory = useServerHistory(server, range, refresh);
  const backendHistory = useBackendHistory(backend, range, refresh);
  const { data, error } = server ? serverHistory : backendHistory;
  const view = useMemo(() => {
    if (server) return serverHistory.data && serverChartView(serverHistory.data, HEIGHT);
    return backendHistory.data && backendChartView(backendHistory.data, HEIGHT);
  }, [server, serverHistory.data, backendHistory.data]);
  if (target.type !== 'server' && target.type !== 'backend') return null;
  const { instance } = target;
  if (!view) {
    if (error instanceof ApiError && error.status === 404)
      return (
        <EmbedProblem
          title="Not found"
          problems={[
            server
              ? `No server “${server.server}” in backend “${server.backend}” on instance “${instance}”`
              : `No history for backend “${target.backend}” on instance “${instance}”`,
          ]}
        />
      );
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  }
  const Chart = CHARTS[metric];
  const last = `${NAMES[metric]}, last ${options.range}`;
  return (
    <EmbedCard
      title={server ? server.server : target.backend}
      subtitle={server ? `${server.backend} · ${instance} · ${last}` : `${instance} · backend ${last}`}
      href={server ? serverHref(server) : backendHref(target)}
      showTitle={options.title}
      data-testid={`embed-chart-${metric}`}
    >
      <div className={styles.chart} data-samples={data?.samples.length ?? 0}>
        <Chart {...view} />
      </div>
      {options.legend && server ? <ChartLegend /> : null}
    </EmbedCard>
  );
}
