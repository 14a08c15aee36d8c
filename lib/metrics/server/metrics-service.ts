import 'server-only';
import type { MetricFamily } from '@/lib/metrics/prometheus-text';
import { toPrometheusText } from '@/lib/metrics/prometheus-text';
import { flapOf } from '@/lib/health/flapping';
import type { AlertTarget } from '@/lib/alerts/types';
import { getRuntime } from '@/lib/server/runtime';

/**
 * GET /metrics: the dashboard's derived figures, so Prometheus/Alertmanager can take over paging. Labels follow
 * HAProxy's own exporter (`proxy` for a backend, `server`) and never say `instance`: that is the scraper's own
 * target label, and Prometheus would rename ours to `exported_instance`. The HAProxy source is `source`.
 */
export function metricsText(now: number): string {
  const { collector, alerts: engine, streams, backends: allBackends, poolsView } = getRuntime();
  const sources = collector.states;
  const backends = allBackends();
  const pools = poolsView(now);
  const gauge = (name: string, help: string, samples: MetricFamily['samples']): MetricFamily => ({
    name,
    help,
    type: 'gauge',
    samples,
  });
  const servers = backends.flatMap((b) =>
    b.servers.map((s) => ({
      labels: { source: b.instance, proxy: b.name, server: s.name, pool: s.pool },
      flap: engine ? flapOf(engine.flaps, b.instance, b.name, s.name) : undefined,
      up: s.status === 'UP' || s.status === 'NOCHECK' ? 1 : 0,
    })),
  );
  const firing = engine?.firing() ?? [];
  return toPrometheusText([
    gauge(
      'hapscope_source_up',
      'Whether the last poll of the source succeeded',
      sources.map((s) => ({ labels: { source: s.source.name }, value: s.ok ? 1 : 0 })),
    ),
    gauge(
      'hapscope_source_poll_duration_seconds',
      'Duration of the last poll',
      sources.map((s) => ({ labels: { source: s.source.name }, value: (s.pollDurationMs ?? 0) / 1000 })),
    ),
    {
      name: 'hapscope_source_polls_total',
      help: 'Polls since start',
      type: 'counter',
      samples: sources.map((s) => ({ labels: { source: s.source.name }, value: s.pollsTotal })),
    },
    {
      name: 'hapscope_source_errors_total',
      help: 'Failed polls since start',
      type: 'counter',
      samples: sources.map((s) => ({
        labels: { source: s.source.name, kind: s.error?.kind ?? null },
        value: s.failuresTotal,
      })),
    },
    gauge(
      'hapscope_server_up',
      'Whether the server takes traffic (UP or no check)',
      servers.map((s) => ({ labels: s.labels, value: s.up })),
    ),
    gauge(
      'hapscope_server_flapping',
      'Whether the server is flapping (weighted state change with hysteresis)',
      servers.map((s) => ({ labels: s.labels, value: s.flap?.flapping ? 1 : 0 })),
    ),
    gauge(
      'hapscope_server_flap_percent',
      'Weighted percent state change over the last 21 observations',
      servers.map((s) => ({ labels: s.labels, value: s.flap?.percent ?? 0 })),
    ),
    gauge(
      'hapscope_pool_flapping',
      'Whether at least one server of the pool is flapping',
      pools.pools.map((p) => ({ labels: { pool: p.name }, value: p.flapping ? 1 : 0 })),
    ),
    gauge(
      'hapscope_pool_flapping_servers',
      'Distinct servers of the pool flapping now',
      pools.pools.map((p) => ({ labels: { pool: p.name }, value: p.flappingServers })),
    ),
    gauge(
      'hapscope_pool_traefik_local',
      'Whether a Ready Traefik runs in the pool',
      pools.pools.map((p) => ({ labels: { pool: p.name }, value: p.traefikLocal ? 1 : 0 })),
    ),
    gauge(
      'hapscope_pool_check_latency_p95_seconds',
      'Check latency p95 over 5 minutes',
      pools.pools
        .filter((p) => p.checkLatencyMs.p95 !== null)
        .map((p) => ({ labels: { pool: p.name }, value: p.checkLatencyMs.p95! / 1000 })),
    ),
    gauge(
      'hapscope_alert_firing',
      'Firing alerts (1 per alert)',
      firing.map((a) => ({
        labels: { id: a.id, kind: a.kind, severity: a.severity, ...targetLabels(a.target) },
        value: 1,
      })),
    ),
    gauge('hapscope_alert_evaluation_seconds', 'Cost of the last alert evaluation', [
      { labels: {}, value: (engine?.lastEvaluationMs ?? 0) / 1000 },
    ]),
    gauge('hapscope_alert_stream_clients', 'Open alert streams', [
      { labels: {}, value: streams.count },
    ]),
  ]);
}

const targetLabels = (target: AlertTarget) => ({
  source: target.instance,
  proxy: target.backend,
  server: target.server,
  pool: target.pool,
});
