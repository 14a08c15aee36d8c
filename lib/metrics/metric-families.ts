/**
 * hapscope's derived figures as Prometheus metric families, from plain inputs (no runtime, no clock). Names carry
 * base units (`_seconds`, `_ratio`), counters end in `_total`, and labels follow HAProxy's exporter (`proxy`,
 * `server`): never `instance`, the scraper's own target label, which Prometheus would rename `exported_instance`.
 */
import type { AlertRecord } from '@/lib/alerts/types';
import type { FlapState } from '@/lib/health/flapping';
import type { PoolHealth } from '@/lib/health/pool-health';
import { UNASSIGNED_POOL } from '@/lib/health/topology';
import type { Backend } from '@/lib/health/types';
import type { MetricFamily } from './prometheus-text';

export interface MetricsSource {
  name: string;
  ok: boolean;
  pollDurationMs: number | null;
  pollsTotal: number;
  failuresTotal: number;
}

export interface MetricsInput {
  sources: readonly MetricsSource[];
  backends: readonly Backend[];
  pools: readonly PoolHealth[];
  /** Pool facts come from Kubernetes: without it Traefik locality is unknown and not exported. */
  withCluster: boolean;
  flapOf: (instance: string, backend: string, server: string) => FlapState | undefined;
  firing: readonly AlertRecord[];
  lastEvaluationMs: number | null;
  streamClients: number;
  /** Streams refused over SSE_MAX_STREAMS_PER_CLIENT, and dropped for not reading (1 MiB queued), since start. */
  streamsRefused: number;
  streamsDropped: number;
  /** The same of the snapshot's change streams (GET /api/v1/snapshot/stream). */
  snapshotStreams: { clients: number; refused: number; dropped: number };
  /** The history store: whether every part of hapscope can use it, and its failed operations so far. */
  store: { healthy: boolean; errorsTotal: number };
  /** Whether this replica polls (it leads; always, on SQLite) and how often it took the lead since it started. */
  replica: { leader: boolean; takeoversTotal: number };
}

type Samples = MetricFamily['samples'];
const gauge = (name: string, help: string, samples: Samples): MetricFamily => ({
  name,
  help,
  type: 'gauge',
  samples,
});
const counter = (name: string, help: string, samples: Samples): MetricFamily => ({
  name,
  help,
  type: 'counter',
  samples,
});

export function buildMetricFamilies(input: MetricsInput): MetricFamily[] {
  return [
    ...sourceFamilies(input.sources),
    ...serverFamilies(input),
    ...poolFamilies(input.pools, input.withCluster),
    ...alertFamilies(input),
    ...storeFamilies(input.store, input.replica),
  ];
}

function sourceFamilies(sources: readonly MetricsSource[]): MetricFamily[] {
  const each = (value: (s: MetricsSource) => number | null): Samples =>
    sources.flatMap((s) => {
      const v = value(s);
      return v === null ? [] : [{ labels: { source: s.name }, value: v }];
    });
  return [
    gauge(
      'hapscope_source_up',
      'Whether the last poll of the HAProxy source succeeded',
      each((s) => (s.ok ? 1 : 0)),
    ),
    gauge(
      'hapscope_source_poll_duration_seconds',
      'Duration of the last poll of the source, in seconds',
      each((s) => (s.pollDurationMs === null ? null : s.pollDurationMs / 1000)),
    ),
    counter(
      'hapscope_source_polls_total',
      'Polls of the source since hapscope started',
      each((s) => s.pollsTotal),
    ),
    counter(
      'hapscope_source_errors_total',
      'Failed polls of the source since hapscope started',
      each((s) => s.failuresTotal),
    ),
  ];
}

function serverFamilies(input: MetricsInput): MetricFamily[] {
  const servers = input.backends.flatMap((b) =>
    b.servers.map((s) => ({
      labels: { source: b.instance, proxy: b.name, server: s.name, pool: s.pool },
      flap: input.flapOf(b.instance, b.name, s.name),
      up: s.status === 'UP' || s.status === 'NOCHECK' ? 1 : 0,
    })),
  );
  return [
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
      'hapscope_server_flap_ratio',
      'Weighted state change over the last 21 observations, 0 to 1',
      servers.map((s) => ({ labels: s.labels, value: (s.flap?.percent ?? 0) / 100 })),
    ),
  ];
}

function poolFamilies(pools: readonly PoolHealth[], withCluster: boolean): MetricFamily[] {
  const byPool = (value: (p: PoolHealth) => number | null, among = pools): Samples =>
    among.flatMap((p) => {
      const v = value(p);
      return v === null ? [] : [{ labels: { pool: p.name }, value: v }];
    });
  const located = withCluster ? pools.filter((p) => p.name !== UNASSIGNED_POOL) : [];
  return [
    gauge(
      'hapscope_pool_flapping',
      'Whether at least one server of the pool is flapping',
      byPool((p) => (p.flapping ? 1 : 0)),
    ),
    gauge(
      'hapscope_pool_flapping_servers',
      'Distinct servers of the pool flapping now',
      byPool((p) => p.flappingServers),
    ),
    gauge(
      'hapscope_pool_traefik_local',
      'Whether a Ready Traefik runs in the pool (only pools known from Kubernetes)',
      byPool((p) => (p.traefikLocal ? 1 : 0), located),
    ),
    ...checkDurationFamilies(pools),
    gauge(
      'hapscope_pool_uptime_ratio',
      'Share of the last 24 hours the pool servers were up (planned maintenance left out), 0 to 1',
      byPool((p) => (p.uptimePct === null ? null : p.uptimePct / 100)),
    ),
  ];
}

/** p50, p95 and max of the 5-minute window: one gauge each, as promtool keeps `quantile` for summaries. */
function checkDurationFamilies(pools: readonly PoolHealth[]): MetricFamily[] {
  const stats = [
    ['p50', 'Median', (p: PoolHealth) => p.checkLatencyMs.p50],
    ['p95', '95th percentile', (p: PoolHealth) => p.checkLatencyMs.p95],
    ['max', 'Maximum', (p: PoolHealth) => p.checkLatencyMs.max],
  ] as const;
  return stats.map(([stat, words, of]) =>
    gauge(
      `hapscope_pool_check_duration_${stat}_seconds`,
      `${words} health-check duration of the pool servers over 5 minutes, in seconds`,
      pools.flatMap((p) => {
        const ms = of(p);
        return ms === null ? [] : [{ labels: { pool: p.name }, value: ms / 1000 }];
      }),
    ),
  );
}

function alertFamilies(input: MetricsInput): MetricFamily[] {
  return [
    gauge(
      'hapscope_alert_firing',
      'Firing alerts (1 per alert)',
      input.firing.map((a) => ({
        labels: {
          id: a.id,
          kind: a.kind,
          severity: a.severity,
          source: a.target.instance,
          proxy: a.target.backend,
          server: a.target.server,
          pool: a.target.pool,
        },
        value: 1,
      })),
    ),
    gauge(
      'hapscope_alert_evaluation_duration_seconds',
      'Duration of the last alert evaluation, in seconds',
      input.lastEvaluationMs === null ? [] : [{ labels: {}, value: input.lastEvaluationMs / 1000 }],
    ),
    gauge('hapscope_alert_stream_clients', 'Open alert event streams', [
      { labels: {}, value: input.streamClients },
    ]),
    counter(
      'hapscope_alert_streams_refused_total',
      'Alert streams refused: the client address already held SSE_MAX_STREAMS_PER_CLIENT',
      [{ labels: {}, value: input.streamsRefused }],
    ),
    counter(
      'hapscope_alert_streams_dropped_total',
      'Alert streams closed because their client stopped reading (1 MiB queued)',
      [{ labels: {}, value: input.streamsDropped }],
    ),
    gauge('hapscope_snapshot_stream_clients', 'Open snapshot change streams (live overviews)', [
      { labels: {}, value: input.snapshotStreams.clients },
    ]),
    counter(
      'hapscope_snapshot_streams_refused_total',
      'Snapshot change streams refused: the client address already held SSE_MAX_STREAMS_PER_CLIENT of them',
      [{ labels: {}, value: input.snapshotStreams.refused }],
    ),
    counter(
      'hapscope_snapshot_streams_dropped_total',
      'Snapshot change streams closed because their client stopped reading (1 MiB queued)',
      [{ labels: {}, value: input.snapshotStreams.dropped }],
    ),
  ];
}

function storeFamilies(store: MetricsInput['store'], replica: MetricsInput['replica']): MetricFamily[] {
  return [
    gauge(
      'hapscope_leader',
      'Whether this replica polls HAProxy, records and evaluates alerts (1), or follows the one that does (0)',
      [{ labels: {}, value: replica.leader ? 1 : 0 }],
    ),
    counter(
      'hapscope_leader_takeovers_total',
      'Times this replica took the lead from another (or from none) since it started, on a shared DATABASE_URL',
      [{ labels: {}, value: replica.takeoversTotal }],
    ),
    gauge(
      'hapscope_store_healthy',
      'Whether the history store takes every read and write (0 while /api/v1/health lists a store fault)',
      [{ labels: {}, value: store.healthy ? 1 : 0 }],
    ),
    counter(
      'hapscope_store_errors_total',
      'Failed history store operations (opens, writes, reads) since hapscope started',
      [{ labels: {}, value: store.errorsTotal }],
    ),
  ];
}
