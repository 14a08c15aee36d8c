import { expect, test } from 'vitest';
import type { AlertRecord } from '@/lib/alerts/types';
import type { FlapState } from '@/lib/health/flapping';
import type { PoolHealth } from '@/lib/health/pool-health';
import type { Backend } from '@/lib/health/types';
import { buildMetricFamilies, type MetricsInput } from './metric-families';
import { toPrometheusText } from './prometheus-text';

const pool = (name: string, fields: Partial<PoolHealth>) =>
  ({
    name,
    flapping: false,
    flappingServers: 0,
    traefikLocal: false,
    checkLatencyMs: { p50: null, p95: null, max: null },
    uptimePct: null,
    ...fields,
  }) as PoolHealth;

const INPUT: MetricsInput = {
  sources: [
    { name: 'main', ok: true, pollDurationMs: 12, pollsTotal: 5, failuresTotal: 1 },
    { name: 'sock', ok: false, pollDurationMs: null, pollsTotal: 0, failuresTotal: 0 },
  ],
  backends: [
    {
      instance: 'main',
      name: 'web',
      servers: [
        { name: 'a1', status: 'UP', pool: 'pool-a' },
        { name: 'x', status: 'DOWN', pool: null },
      ],
    } as unknown as Backend,
  ],
  pools: [
    pool('pool-a', {
      flapping: true,
      flappingServers: 1,
      traefikLocal: true,
      checkLatencyMs: { p50: 4, p95: 250, max: 300 },
      uptimePct: 99.5,
    }),
    pool('unassigned', {}),
  ],
  withCluster: true,
  flapOf: (_i, _b, server) => (server === 'a1' ? ({ flapping: true, percent: 25 } as FlapState) : undefined),
  firing: [
    {
      id: 'flapping:main/web/a1',
      kind: 'flapping',
      severity: 'warning',
      target: { instance: 'main', backend: 'web', server: 'a1', pool: 'pool-a' },
    } as AlertRecord,
  ],
  lastEvaluationMs: 2.5,
  streamClients: 3,
  streamsRefused: 2,
  streamsDropped: 1,
  snapshotStreams: { clients: 4, refused: 5, dropped: 6 },
  store: { healthy: true, errorsTotal: 0 },
  replica: { leader: true, takeoversTotal: 2 },
};

test('every figure with base units, counters as _total, source/proxy/server labels and no instance label', () => {
  expect(toPrometheusText(buildMetricFamilies(INPUT)))
    .toBe(`# HELP hapscope_source_up Whether the last poll of the HAProxy source succeeded
# TYPE hapscope_source_up gauge
hapscope_source_up{source="main"} 1
hapscope_source_up{source="sock"} 0
# HELP hapscope_source_poll_duration_seconds Duration of the last poll of the source, in seconds
# TYPE hapscope_source_poll_duration_seconds gauge
hapscope_source_poll_duration_seconds{source="main"} 0.012
# HELP hapscope_source_polls_total Polls of the source since hapscope started
# TYPE hapscope_source_polls_total counter
hapscope_source_polls_total{source="main"} 5
hapscope_source_polls_total{source="sock"} 0
# HELP hapscope_source_errors_total Failed polls of the source since hapscope started
# TYPE hapscope_source_errors_total counter
hapscope_source_errors_total{source="main"} 1
hapscope_source_errors_total{source="sock"} 0
# HELP hapscope_server_up Whether the server takes traffic (UP or no check)
# TYPE hapscope_server_up gauge
hapscope_server_up{source="main",proxy="web",server="a1",pool="pool-a"} 1
hapscope_server_up{source="main",proxy="web",server="x"} 0
# HELP hapscope_server_flapping Whether the server is flapping (weighted state change with hysteresis)
# TYPE hapscope_server_flapping gauge
hapscope_server_flapping{source="main",proxy="web",server="a1",pool="pool-a"} 1
hapscope_server_flapping{source="main",proxy="web",server="x"} 0
# HELP hapscope_server_flap_ratio Weighted state change over the last 21 observations, 0 to 1
# TYPE hapscope_server_flap_ratio gauge
hapscope_server_flap_ratio{source="main",proxy="web",server="a1",pool="pool-a"} 0.25
hapscope_server_flap_ratio{source="main",proxy="web",server="x"} 0
# HELP hapscope_pool_flapping Whether at least one server of the pool is flapping
# TYPE hapscope_pool_flapping gauge
hapscope_pool_flapping{pool="pool-a"} 1
hapscope_pool_flapping{pool="unassigned"} 0
# HELP hapscope_pool_flapping_servers Distinct servers of the pool flapping now
# TYPE hapscope_pool_flapping_servers gauge
hapscope_pool_flapping_servers{pool="pool-a"} 1
hapscope_pool_flapping_servers{pool="unassigned"} 0
# HELP hapscope_pool_traefik_local Whether a Ready Traefik runs in the pool (only pools known from Kubernetes)
# TYPE hapscope_pool_traefik_local gauge
hapscope_pool_traefik_local{pool="pool-a"} 1
# HELP hapscope_pool_check_duration_p50_seconds Median health-check duration of the pool servers over 5 minutes, in seconds
# TYPE hapscope_pool_check_duration_p50_seconds gauge
hapscope_pool_check_duration_p50_seconds{pool="pool-a"} 0.004
# HELP hapscope_pool_check_duration_p95_seconds 95th percentile health-check duration of the pool servers over 5 minutes, in seconds
# TYPE hapscope_pool_check_duration_p95_seconds gauge
hapscope_pool_check_duration_p95_seconds{pool="pool-a"} 0.25
# HELP hapscope_pool_check_duration_max_seconds Maximum health-check duration of the pool servers over 5 minutes, in seconds
# TYPE hapscope_pool_check_duration_max_seconds gauge
hapscope_pool_check_duration_max_seconds{pool="pool-a"} 0.3
# HELP hapscope_pool_uptime_ratio Share of the last 24 hours the pool servers were up (planned maintenance left out), 0 to 1
# TYPE hapscope_pool_uptime_ratio gauge
hapscope_pool_uptime_ratio{pool="pool-a"} 0.995
# HELP hapscope_alert_firing Firing alerts (1 per alert)
# TYPE hapscope_alert_firing gauge
hapscope_alert_firing{id="flapping:main/web/a1",kind="flapping",severity="warning",source="main",proxy="web",server="a1",pool="pool-a"} 1
# HELP hapscope_alert_evaluation_duration_seconds Duration of the last alert evaluation, in seconds
# TYPE hapscope_alert_evaluation_duration_seconds gauge
hapscope_alert_evaluation_duration_seconds 0.0025
# HELP hapscope_alert_stream_clients Open alert event streams
# TYPE hapscope_alert_stream_clients gauge
hapscope_alert_stream_clients 3
# HELP hapscope_alert_streams_refused_total Alert streams refused: the client address already held SSE_MAX_STREAMS_PER_CLIENT
# TYPE hapscope_alert_streams_refused_total counter
hapscope_alert_streams_refused_total 2
# HELP hapscope_alert_streams_dropped_total Alert streams closed because their client stopped reading (1 MiB queued)
# TYPE hapscope_alert_streams_dropped_total counter
hapscope_alert_streams_dropped_total 1
# HELP hapscope_snapshot_stream_clients Open snapshot change streams (live overviews)
# TYPE hapscope_snapshot_stream_clients gauge
hapscope_snapshot_stream_clients 4
# HELP hapscope_snapshot_streams_refused_total Snapshot change streams refused: the client address already held SSE_MAX_STREAMS_PER_CLIENT of them
# TYPE hapscope_snapshot_streams_refused_total counter
hapscope_snapshot_streams_refused_total 5
# HELP hapscope_snapshot_streams_dropped_total Snapshot change streams closed because their client stopped reading (1 MiB queued)
# TYPE hapscope_snapshot_streams_dropped_total counter
hapscope_snapshot_streams_dropped_total 6
# HELP hapscope_leader Whether this replica polls HAProxy, records and evaluates alerts (1), or follows the one that does (0)
# TYPE hapscope_leader gauge
hapscope_leader 1
# HELP hapscope_leader_takeovers_total Times this replica took the lead from another (or from none) since it started, on a shared DATABASE_URL
# TYPE hapscope_leader_takeovers_total counter
hapscope_leader_takeovers_total 2
# HELP hapscope_store_healthy Whether the history store takes every read and write (0 while /api/v1/health lists a store fault)
# TYPE hapscope_store_healthy gauge
hapscope_store_healthy 1
# HELP hapscope_store_errors_total Failed history store operations (opens, writes, reads) since hapscope started
# TYPE hapscope_store_errors_total counter
hapscope_store_errors_total 0
`);
});

test.each([
  ['with Kubernetes', true, ['pool-a 1', 'pool-b 0']],
  ['static pools only: Traefik locality unknown, not 0', false, []],
])('hapscope_pool_traefik_local %s', (_case, withCluster, samples) => {
  const families = buildMetricFamilies({
    ...INPUT,
    withCluster,
    pools: [pool('pool-a', { traefikLocal: true }), pool('pool-b', {}), pool('unassigned', {})],
  });
  const family = families.find((f) => f.name === 'hapscope_pool_traefik_local')!;
  expect(family.samples.map((s) => `${s.labels.pool} ${s.value}`)).toEqual(samples);
});

test('without an alert engine there is no evaluation figure rather than a fake 0', () => {
  const families = buildMetricFamilies({ ...INPUT, lastEvaluationMs: null });
  expect(families.find((f) => f.name === 'hapscope_alert_evaluation_duration_seconds')!.samples).toEqual([]);
});

test.each([
  [
    'healthy',
    { healthy: true, errorsTotal: 0 },
    ['hapscope_store_healthy 1', 'hapscope_store_errors_total 0'],
  ],
  [
    'failing',
    { healthy: false, errorsTotal: 7 },
    ['hapscope_store_healthy 0', 'hapscope_store_errors_total 7'],
  ],
  [
    'recovered: healthy again, the errors counted',
    { healthy: true, errorsTotal: 7 },
    ['hapscope_store_healthy 1', 'hapscope_store_errors_total 7'],
  ],
])('the history store %s', (_case, store, lines) => {
  const text = toPrometheusText(buildMetricFamilies({ ...INPUT, store }));
  expect(text.split('\n').filter((line) => line.startsWith('hapscope_store_'))).toEqual(lines);
});
