/**
 * What the recorder stores of a server and of a backend each poll, and whether it changed enough since the last
 * written sample to be written again (otherwise the last one holds, until the 30 s heartbeat).
 */
import type { Backend, Server } from '@/lib/health/types';
import { timeMoved, trafficChanged } from '@/lib/history/figure-changes';
import { statusCode, transitionCode, type BackendSampleRow, type SampleRow } from '@/lib/store';

// The rows are built field by field, without spreading a shared part: the recorder builds 20,000 a poll.
export function toSampleRow(server: Server): SampleRow {
  const { rates, times } = server;
  return {
    status: statusCode(server.status),
    transition: transitionCode(server.transition),
    checkDurationMs: server.check.durationMs,
    sessions: server.sessions.current,
    queue: server.queue.current,
    rate: server.sessionRate.current,
    stot: server.sessions.total,
    chkfail: server.checkFailures,
    chkdown: server.checkDowns,
    downtime: server.downtimeSec,
    http5xxRate: errorRate(rates.http5xx),
    connectionErrorsRate: errorRate(rates.connectionErrors),
    responseErrorsRate: errorRate(rates.responseErrors),
    responseMs: times.responseMs,
    totalMs: times.totalMs,
    bytesInRate: bytesRate(rates.bytesIn),
    bytesOutRate: bytesRate(rates.bytesOut),
  };
}

export function toBackendSampleRow(backend: Backend): BackendSampleRow {
  const { rates, times } = backend;
  return {
    sessions: backend.sessions.current,
    rate: backend.sessionRate.current,
    http5xxRate: errorRate(rates.http5xx),
    connectionErrorsRate: errorRate(rates.connectionErrors),
    responseErrorsRate: errorRate(rates.responseErrors),
    responseMs: times.responseMs,
    totalMs: times.totalMs,
    bytesInRate: bytesRate(rates.bytesIn),
    bytesOutRate: bytesRate(rates.bytesOut),
  };
}

/** Error rates to 4 decimals (as their rollups keep them), bytes to whole bytes per second: compact rows. */
const errorRate = (perSecond: number | null) =>
  perSecond === null ? null : Math.round(perSecond * 1e4) / 1e4;
const bytesRate = (perSecond: number | null) => (perSecond === null ? null : Math.round(perSecond));

/**
 * Changed = status, sessions, queue, rate or check counters differ, the check duration moved by more than 2 ms
 * or 10 % (it jitters by a millisecond on every check; stored values stay within that of the truth), or the
 * traffic changed (trafficChanged). stot and downtime ride along without triggering a write: deltas are taken
 * between written samples.
 */
export function sampleChanged(last: SampleRow, next: SampleRow): boolean {
  return (
    last.status !== next.status ||
    last.transition !== next.transition ||
    last.sessions !== next.sessions ||
    last.queue !== next.queue ||
    last.rate !== next.rate ||
    last.chkfail !== next.chkfail ||
    last.chkdown !== next.chkdown ||
    timeMoved(last.checkDurationMs, next.checkDurationMs) ||
    trafficChanged(last, next)
  );
}

export function backendSampleChanged(last: BackendSampleRow, next: BackendSampleRow): boolean {
  return last.sessions !== next.sessions || last.rate !== next.rate || trafficChanged(last, next);
}
