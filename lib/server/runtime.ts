import 'server-only';
/**
 * The composition root: every process-wide part is built here, once, in order — configuration (validated whole
 * before anything connects), the history store, Kubernetes, the pools model, the collector, history recording and
 * the alert engine — and handed what it needs. Services reach the parts through getRuntime().
 */
import { createAccessState, type AccessState } from '@/lib/access/server/access-state';
import { cachedPoolFacts } from '@/lib/alerts/server/pool-facts';
import { AlertEngine } from '@/lib/alerts/server/alert-engine';
import { Collector } from '@/lib/collector/collector';
import { systemClock, type Clock } from '@/lib/collector/clock';
import { countedStates } from '@/lib/collector/source-state';
import { loadConfig, type Config } from '@/lib/config';
import { flapOf } from '@/lib/health/flapping';
import type { Backend } from '@/lib/health/types';
import { attachHistoryRecorder, type Recording } from '@/lib/history/server/attach-recorder';
import { connectK8s, type K8sConnection } from '@/lib/k8s';
import { cachedPoolUptime } from '@/lib/pools/server/pool-uptime';
import { PoolsModel, type PoolsView } from '@/lib/pools/server/pools-model';
import { openStore, type Store } from '@/lib/store';
import { EventStreams } from '@/lib/sse/event-streams';
import { BOOT_ID } from '@/lib/http/boot-id';
import { Leadership } from './leadership';
import { SnapshotLog } from '@/lib/snapshot/server/snapshot-log';

export interface Runtime {
  config: Config;
  clock: Clock;
  store: Store;
  kubernetes: K8sConnection;
  pools: PoolsModel;
  collector: Collector;
  /** History recording: polls waiting for the store (written once it recovers) and its faults. */
  recording: Recording;
  /** null when the store did not open: alerts are off, everything else goes on. */
  alerts: AlertEngine | null;
  /** Open alert streams (GET /api/v1/alerts/stream), each client address capped. */
  streams: EventStreams;
  /** Open snapshot change streams (GET /api/v1/snapshot/stream), capped apart: a tab holds one of each. */
  snapshotStreams: EventStreams;
  /** The snapshot's change log those streams follow (one per process: route bundles share it through here). */
  snapshotLog: SnapshotLog;
  /** Sign-in throttle, trusted proxies and one-time warnings (lib/access). */
  access: AccessState;
  /** Whether this replica polls or follows the one that does (lib/server/leadership.ts). */
  leadership: Leadership;
  /** Every source's last good backends. */
  backends(): Backend[];
  /** Pool health now, from the latest backends. */
  poolsView(now: number): PoolsView;
  stop(): void;
}

export interface RuntimeOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  clock?: Clock;
}

/** Builds every part; throws ConfigError (naming the key) before any connection is made. Does not start polling. */
export function createRuntime({ env, cwd, clock = systemClock }: RuntimeOptions): Runtime {
  const config = loadConfig(env, cwd);
  const now = () => clock.now();
  const store = openStore(config.dataDir, config.retention, now, {
    database: config.database,
    leaseMs: config.leaderLeaseMs,
  });
  const kubernetes = connectK8s(config, env);
  let alerts: AlertEngine | null = null;
  const pools = new PoolsModel(kubernetes, config.topology, config.poolLabels, config.pollIntervalMs, {
    uptimeOf: cachedPoolUptime(store, now),
    isFlapping: (instance: string, backend: string, server: string) =>
      alerts !== null && flapOf(alerts.flaps, instance, backend, server)?.flapping === true,
  });
  const collector = new Collector(
    config,
    { clock, decorate: (polled, instance, at) => pools.decorate(instance, polled, at) },
    BOOT_ID,
  );
  const backends = () => collector.states.flatMap((state) => state.backends ?? []);
  // Two sources of one HAProxy process count its servers once in pools (lib/health/same-process.ts).
  const countedBackends = () => countedStates(collector.states).flatMap((state) => state.backends ?? []);
  const poolsView = memoPerPoll(
    (at) => pools.pools(countedBackends(), at),
    () => `${collector.generation}/${kubernetes.source?.version ?? 0}`,
    config.pollIntervalMs,
  );
  const recording = attachHistoryRecorder(collector, store);
  alerts = attachAlertEngine(collector, config, store, poolsView);
  const streams = new EventStreams(config.sseMaxStreamsPerClient);
  const snapshotStreams = new EventStreams(config.sseMaxStreamsPerClient);
  const snapshotLog = new SnapshotLog(collector, now);
  const access = createAccessState(config.auth);
  const leadership = new Leadership({
    coordination: store.coordination,
    collector,
    recording,
    alerts,
    pollIntervalMs: config.pollIntervalMs,
    leaseMs: config.leaderLeaseMs,
    now,
  });
  return {
    config,
    clock,
    store,
    kubernetes,
    pools,
    collector,
    recording,
    alerts,
    streams,
    snapshotStreams,
    snapshotLog,
    access,
    leadership,
    backends,
    poolsView,
    stop() {
      void leadership.stop().catch((error) => console.error('[hapscope] giving up the lead failed:', error));
      collector.stop();
      streams.closeAll();
      snapshotStreams.closeAll();
      kubernetes.source?.stop();
      void store.close().catch((error) => console.error('[hapscope] closing the store failed:', error));
    },
  };
}

/**
 * Pool health costs a pass over every server (about 18 ms at 20,000): computed once per poll or topology change
 * and shared by every tab, badge and scrape that asks before the next one (at most one interval old).
 */
function memoPerPoll<T>(compute: (at: number) => T, version: () => string, maxAgeMs: number) {
  let memo: { version: string; at: number; value: T } | null = null;
  return (at: number): T => {
    const current = version();
    if (memo?.version === current && at - memo.at >= 0 && at - memo.at < maxAgeMs) return memo.value;
    memo = { version: current, at, value: compute(at) };
    return memo.value;
  };
}

/** Evaluates alerts after every poll. A store that fails is logged; polling goes on regardless. */
function attachAlertEngine(
  collector: Collector,
  config: Config,
  store: Store,
  poolsView: (now: number) => PoolsView,
): AlertEngine | null {
  let engine: AlertEngine;
  try {
    engine = new AlertEngine(config, {
      store,
      pools: cachedPoolFacts(poolsView),
      sharedLog: store.coordination.shared,
    });
  } catch (error) {
    console.error('[hapscope] alerts are off: the alert engine could not start:', error);
    return null;
  }
  const failed = (error: unknown) => console.error('[hapscope] alert evaluation failed:', error);
  collector.onPoll((event) => {
    try {
      engine.onPoll(event, collector.states).catch(failed);
    } catch (error) {
      failed(error);
    }
  });
  return engine;
}

// Route handlers, proxy.ts and instrumentation.ts are separate bundles in one process: the one runtime is kept
// on globalThis, the only process-wide state hapscope has.
const holder = globalThis as typeof globalThis & { __hapscopeRuntime?: Runtime };

/** The process's runtime, built and started on first use (instrumentation.ts does so at start-up). */
export function getRuntime(): Runtime {
  if (!holder.__hapscopeRuntime) {
    // `next build` must read no settings, open no database and poll nothing: a page that gets here is a bug.
    if (process.env.NEXT_PHASE === 'phase-production-build') {
      throw new Error('hapscope: the runtime was asked for during `next build`; make that page dynamic');
    }
    const runtime = createRuntime({ env: process.env, cwd: process.cwd() });
    holder.__hapscopeRuntime = runtime;
    runtime.leadership.start();
  }
  return holder.__hapscopeRuntime;
}
