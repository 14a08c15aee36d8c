import 'server-only';
import type { AlertEngine } from '@/lib/alerts/server/alert-engine';
import type { SourceState } from '@/lib/collector/source-state';
import { flapOf } from '@/lib/health/flapping';
import type { Backend } from '@/lib/health/types';
import { buildMetricFamilies } from '@/lib/metrics/metric-families';
import { toPrometheusText } from '@/lib/metrics/prometheus-text';
import type { PoolsView } from '@/lib/pools/server/pools-model';
import type { Store } from '@/lib/store';

type OpenStreams = { readonly count: number; readonly totals: { refused: number; dropped: number } };

/** What /metrics needs of the runtime (the route hands it getRuntime()). */
export interface MetricsParts {
  collector: { readonly states: readonly SourceState[] };
  alerts: Pick<AlertEngine, 'flaps' | 'firing' | 'lastEvaluationMs'> | null;
  streams: OpenStreams;
  snapshotStreams: OpenStreams;
  store: Pick<Store, 'faults'>;
  leadership: { status(): { role: 'leader' | 'follower' }; readonly takeovers: number };
  backends(): Backend[];
  poolsView(now: number): PoolsView;
}

/** GET /metrics: the dashboard's derived figures, so Prometheus/Alertmanager can take over paging. */
export function metricsText(parts: MetricsParts, now: number): string {
  const { collector, alerts: engine, streams, snapshotStreams, store, leadership, backends, poolsView } = parts;
  const view = poolsView(now);
  return toPrometheusText(
    buildMetricFamilies({
      sources: collector.states.map((s) => ({
        name: s.source.name,
        ok: s.ok,
        pollDurationMs: s.pollDurationMs,
        pollsTotal: s.pollsTotal,
        failuresTotal: s.failuresTotal,
      })),
      backends: backends(),
      pools: view.pools,
      withCluster: view.withCluster,
      flapOf: (instance, backend, server) =>
        engine ? flapOf(engine.flaps, instance, backend, server) : undefined,
      firing: engine?.firing() ?? [],
      lastEvaluationMs: engine ? engine.lastEvaluationMs : null,
      streamClients: streams.count,
      streamsRefused: streams.totals.refused,
      streamsDropped: streams.totals.dropped,
      snapshotStreams: {
        clients: snapshotStreams.count,
        refused: snapshotStreams.totals.refused,
        dropped: snapshotStreams.totals.dropped,
      },
      store: { healthy: store.faults.healthy, errorsTotal: store.faults.errorsTotal },
      replica: { leader: leadership.status().role === 'leader', takeoversTotal: leadership.takeovers },
    }),
  );
}
