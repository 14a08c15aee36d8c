import type { InstanceDto, SnapshotDto } from '@/lib/api/snapshot-dto';
import type { Collector } from '@/lib/collector/collector';
import { currentUptimeSec, type SourceState } from '@/lib/collector/source-state';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toInstanceDto(state: SourceState, now: number): InstanceDto {
  return {
    name: state.source.name,
    kind: state.source.kind,
    ok: state.ok,
    error: state.error?.message ?? null,
    errorKind: state.error?.kind ?? null,
    lastPollAt: iso(state.lastPollAt),
    lastSuccessAt: iso(state.lastSuccessAt),
    nextPollAt: iso(state.nextPollAt),
    consecutiveFailures: state.consecutiveFailures,
    pollDurationMs: state.pollDurationMs,
    version: state.info?.version ?? null,
    pid: state.info?.pid ?? null,
    uptimeSec: currentUptimeSec(state, now),
    sameProcessAs: [...state.sameProcessAs],
    counted: state.counted,
  };
}

/** Every source's latest state and last good backends (a source that never succeeded contributes none). */
export function toSnapshotDto(
  states: readonly SourceState[],
  pollIntervalMs: number,
  now: number,
): SnapshotDto {
  return {
    generatedAt: new Date(now).toISOString(),
    pollIntervalMs,
    instances: states.map((state) => toInstanceDto(state, now)),
    backends: states.flatMap((state) => state.backends ?? []),
    frontends: states.flatMap((state) => state.frontends ?? []),
  };
}

const cache = new WeakMap<Collector, { generation: number; proxiesJson: string }>();

/**
 * The snapshot as JSON text. The backends part, the bulk of it with thousands of servers, is serialized once per
 * poll and reused by every request until the next poll.
 */
export function snapshotJson(collector: Collector, now: number): string {
  let cached = cache.get(collector);
  if (!cached || cached.generation !== collector.generation) {
    const backends = collector.states.flatMap((state) => state.backends ?? []);
    const frontends = collector.states.flatMap((state) => state.frontends ?? []);
    const proxiesJson = `"backends":${JSON.stringify(backends)},"frontends":${JSON.stringify(frontends)}`;
    cached = { generation: collector.generation, proxiesJson };
    cache.set(collector, cached);
  }
  const head = {
    generatedAt: new Date(now).toISOString(),
    pollIntervalMs: collector.config.pollIntervalMs,
    instances: collector.states.map((state) => toInstanceDto(state, now)),
  };
  return `${JSON.stringify(head).slice(0, -1)},${cached.proxiesJson}}`;
}
