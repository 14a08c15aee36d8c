import 'server-only';
import { flapOf } from '@/lib/health/flapping';
import { buildMetricFamilies } from '@/lib/metrics/metric-families';
import { toPrometheusText } from '@/lib/metrics/prometheus-text';
import { getRuntime } from '@/lib/server/runtime';

/** GET /metrics: the dashboard's derived figures, so Prometheus/Alertmanager can take over paging. */
export function metricsText(now: number): string {
  const { collector, alerts: engine, streams, backends, poolsView } = getRuntime();
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
    }),
  );
}
