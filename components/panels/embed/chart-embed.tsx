'use client';

import { useMemo } from 'react';
import { serverHref } from '@/lib/api/urls';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { LatencyChart } from '../../charts/latency-chart';
import { QueueChart } from '../../charts/queue-chart';
import { SessionRateChart } from '../../charts/session-rate-chart';
import { ApiError } from '../../hooks/fetch-json';
import { useServerHistory } from '../../hooks/use-server-history';
import { toChartPoints } from '../history/chart-points';
import { ChartLegend } from '../history/history-legend';
import { toMarkers, toShadedSpans } from '../history/state-spans';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';

const CHARTS = { latency: LatencyChart, 'session-rate': SessionRateChart, queue: QueueChart } as const;
export type ChartPanel = keyof typeof CHARTS;
const NAMES: Record<ChartPanel, string> = {
  latency: 'check latency',
  'session-rate': 'session rate',
  queue: 'queue',
};
const HEIGHT = 180;

/** One server's metric over the range with its transitions and downtime drawn in (the backend page's chart). */
export function ChartEmbed({ options, metric }: { options: EmbedOptions; metric: ChartPanel }) {
  const target = options.target.type === 'server' ? options.target : null;
  const { data, error } = useServerHistory(
    target,
    { kind: 'preset', preset: options.range },
    { refreshMs: options.refreshSec * 1000 },
  );
  const view = useMemo(
    () =>
      data && {
        data: toChartPoints(data),
        from: Date.parse(data.from),
        to: Date.parse(data.to),
        markers: toMarkers(data.transitions),
        spans: toShadedSpans(data),
        generatedUntil: data.generatedUntil ? Date.parse(data.generatedUntil) : null,
        height: HEIGHT,
      },
    [data],
  );
  if (!target) return null;
  const { instance, backend, server } = target;
  if (!view) {
    if (error instanceof ApiError && error.status === 404)
      return (
        <EmbedProblem
          title="Not found"
          problems={[`No server “${server}” in backend “${backend}” on instance “${instance}”`]}
        />
      );
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  }
  const Chart = CHARTS[metric];
  return (
    <EmbedCard
      title={server}
      subtitle={`${backend} · ${instance} · ${NAMES[metric]}, last ${options.range}`}
      href={serverHref(target)}
      showTitle={options.title}
      data-testid={`embed-chart-${metric}`}
    >
      <div className={styles.chart} data-samples={data?.samples.length ?? 0}>
        <Chart {...view} />
      </div>
      {options.legend ? <ChartLegend /> : null}
    </EmbedCard>
  );
}
