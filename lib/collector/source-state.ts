import type { Source } from '@/lib/config/parse-sources';
import type { SourceErrorKind } from '@/lib/haproxy/source-error';
import type { Backend, Frontend, HaproxyProcessInfo } from '@/lib/health/types';
import type { ServerView } from '@/lib/health/view-agreement';

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

/** Each process's servers as one view: the counted sources that answered their last poll. */
export function serverViews(states: readonly SourceState[]): ServerView[] {
  return states
    .filter((state) => state.counted && state.ok && state.backends)
    .map((state) => ({ instance: state.source.name, backends: state.backends ?? [] }));
}
