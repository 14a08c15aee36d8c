import type { Source } from '@/lib/config/parse-sources';
import type { SourceErrorKind } from '@/lib/haproxy/source-error';
import type { Backend, Frontend, HaproxyProcessInfo } from '@/lib/health/types';

/** What the collector knows about one source; times are epoch milliseconds. */
export interface SourceState {
  source: Source;
  ok: boolean;
  error: { kind: SourceErrorKind; message: string } | null;
  lastPollAt: number | null;
  lastSuccessAt: number | null;
  nextPollAt: number | null;
  consecutiveFailures: number;
  /** Since this process started, for /metrics. */
  pollsTotal: number;
  failuresTotal: number;
  pollDurationMs: number | null;
  /** The last good backends: kept while the source fails, so the dashboard still shows them (marked stale). */
  backends: Backend[] | null;
  /** The frontends of that same poll. */
  frontends: Frontend[] | null;
  info: HaproxyProcessInfo | null;
  infoReadAt: number | null;
  /** The other sources that read the same HAProxy process (same pid, node and start time), in config order. */
  sameProcessAs: string[];
  /**
   * Whether this source's servers are counted in alerts and pools: false when another source of the same process
   * counts them (lib/health/same-process.ts, countedSources).
   */
  counted: boolean;
  /** Its process information predates a reload a peer has seen: read it again at the next poll. */
  infoStale: boolean;
}

export function initialSourceState(source: Source): SourceState {
  return {
    source,
    ok: false,
    error: null,
    lastPollAt: null,
    lastSuccessAt: null,
    nextPollAt: null,
    consecutiveFailures: 0,
    pollsTotal: 0,
    failuresTotal: 0,
    pollDurationMs: null,
    backends: null,
    frontends: null,
    info: null,
    infoReadAt: null,
    sameProcessAs: [],
    counted: true,
    infoStale: false,
  };
}

/** HAProxy's uptime now, from the last process information read and the time since. */
export function currentUptimeSec(state: SourceState, now: number): number | null {
  if (state.info?.uptimeSec == null || state.infoReadAt === null) return null;
  return state.info.uptimeSec + Math.floor((now - state.infoReadAt) / 1000);
}

/** The sources whose servers count: one per HAProxy process. */
export function countedStates(states: readonly SourceState[]): SourceState[] {
  return states.filter((state) => state.counted);
}

/**
 * The name a process's servers are counted under, whichever of its sources answers: the first of them in config
 * order. Alerts are named by it, so one source failing and another of the same process taking over the count
 * neither resolves an alert nor fires it again.
 */
export function countedName(state: SourceState, states: readonly SourceState[]): string {
  const process = new Set([state.source.name, ...state.sameProcessAs]);
  return states.find((s) => process.has(s.source.name))?.source.name ?? state.source.name;
}

/** A counted source's backends under its process's counted name (countedName). */
export function countedBackends(state: SourceState, states: readonly SourceState[]): Backend[] {
  const name = countedName(state, states);
  const backends = state.backends ?? [];
  return name === state.source.name ? backends : backends.map((backend) => ({ ...backend, instance: name }));
}
