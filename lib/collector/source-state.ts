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
  };
}

/** HAProxy's uptime now, from the last process information read and the time since. */
export function currentUptimeSec(state: SourceState, now: number): number | null {
  if (state.info?.uptimeSec == null || state.infoReadAt === null) return null;
  return state.info.uptimeSec + Math.floor((now - state.infoReadAt) / 1000);
}
