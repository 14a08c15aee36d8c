/**
 * Transition detection between two polls of one server: status pairs (transitional forms included), down-and-ups
 * HAProxy made between polls (only chkdown tells), and counter resets after a reload. Pure: times are parameters.
 */
import type { CheckCause, StatusChange, StatusPoint } from './history-types';
import { sameStatusPoint } from './history-types';
import type { ServerStatus } from './types';

/** HAProxy's cumulative counters: they only grow, until a reload restarts them from zero. */
export interface ServerCounters {
  totalSessions: number;
  checkFailures: number;
  checkDowns: number;
  downtimeSec: number | null;
}

export interface ServerReading extends StatusPoint {
  /** lastchg: seconds since the last UP/DOWN change (whole seconds). */
  lastChangeSec: number | null;
  counters: ServerCounters;
  cause: CheckCause;
}

/** What was known at the previous poll; counters are null after a restart of hapscope (loaded from the DB). */
export interface PreviousReading extends StatusPoint {
  counters: ServerCounters | null;
}

export interface DetectContext {
  /** Time of the previous reading (the previous poll, or the end of the last coverage after a gap). */
  previousAt: number | null;
  at: number;
  /** The instance reloaded since the previous poll (pid or uptime from `show info`). */
  reload: boolean;
  /** The previous reading is the poll just before this one (no gap in coverage in between). */
  contiguous: boolean;
}

export interface Detection {
  transitions: StatusChange[];
  /** A cumulative counter went down: a reset. Deltas restart from the current value. */
  reset: boolean;
}

export function countersReset(previous: ServerCounters, current: ServerCounters): boolean {
  return (
    current.totalSessions < previous.totalSessions ||
    current.checkFailures < previous.checkFailures ||
    current.checkDowns < previous.checkDowns ||
    (previous.downtimeSec !== null &&
      current.downtimeSec !== null &&
      current.downtimeSec < previous.downtimeSec)
  );
}

export function detectTransitions(
  previous: PreviousReading | null,
  current: ServerReading,
  context: DetectContext,
): Detection {
  if (!previous) return { transitions: [], reset: false };
  const reset = previous.counters !== null && countersReset(previous.counters, current.counters);
  const transitions: StatusChange[] = [];
  if (!reset && !context.reload && context.contiguous) {
    transitions.push(...betweenPolls(previous, current, context));
  }
  if (!sameStatusPoint(previous, current)) {
    transitions.push(observedChange(previous, current, context, reset || context.reload));
  }
  return { transitions, reset };
}

function observedChange(
  previous: StatusPoint,
  current: ServerReading,
  context: DetectContext,
  reloaded: boolean,
): StatusChange {
  const windowMs = context.previousAt === null ? null : Math.max(0, context.at - context.previousAt);
  // lastchg counts whole seconds since the last UP/DOWN change; it is more exact than the poll time when the change
  // it dates happened inside this poll window. A transitional-only change (UP → UP 1/3) does not move lastchg.
  const statusChanged = previous.status !== current.status;
  const lastchgMs = current.lastChangeSec === null ? null : current.lastChangeSec * 1000;
  const backDated = statusChanged && lastchgMs !== null && windowMs !== null && lastchgMs < windowMs;
  return {
    at: backDated ? context.at - lastchgMs : context.at,
    from: { status: previous.status, transition: previous.transition },
    to: { status: current.status, transition: current.transition },
    kind: reloaded ? 'reload' : 'observed',
    precisionMs: backDated ? 1000 : (windowMs ?? 0),
    ...current.cause,
  };
}

/**
 * chkdown counts UP→DOWN changes. When it rose more than the polls explain, the server went down and back up
 * between them: one imprecise DOWN/UP pair per extra increment, spread evenly over the window, each pair's down
 * time from the downtime counter's growth when HAProxy reports it (1 ms when it does not).
 */
function betweenPolls(
  previous: PreviousReading,
  current: ServerReading,
  context: DetectContext,
): StatusChange[] {
  if (!previous.counters || context.previousAt === null) return [];
  const rose = current.counters.checkDowns - previous.counters.checkDowns;
  const observedDowns = previous.status !== 'DOWN' && current.status === 'DOWN' ? 1 : 0;
  const extra = rose - observedDowns;
  const windowMs = context.at - context.previousAt;
  if (extra <= 0 || windowMs <= 0) return [];
  const slotMs = windowMs / extra;
  const downMs = Math.min(perPairDownMs(previous, current, extra), slotMs * 0.9);
  const back: StatusPoint = { status: upish(previous.status), transition: null };
  const pairs: StatusChange[] = [];
  for (let i = 0; i < extra; i++) {
    const downAt = Math.round(context.previousAt + slotMs * i + (slotMs - downMs) / 2);
    const upAt = Math.max(downAt + 1, Math.round(downAt + downMs));
    const common = { kind: 'between-polls' as const, precisionMs: windowMs, ...current.cause };
    pairs.push({ ...common, at: downAt, from: back, to: { status: 'DOWN', transition: null } });
    pairs.push({ ...common, at: upAt, from: { status: 'DOWN', transition: null }, to: back });
  }
  return pairs;
}

function perPairDownMs(previous: PreviousReading, current: ServerReading, extra: number): number {
  const before = previous.counters?.downtimeSec;
  const after = current.counters.downtimeSec;
  if (before == null || after === null || after < before) return 1;
  // The current DOWN period, if any, holds part of the growth: lastchg seconds of it.
  const ongoing = current.status === 'DOWN' ? (current.lastChangeSec ?? 0) : 0;
  return Math.max(1, ((after - before - ongoing) * 1000) / extra);
}

/** The state a between-polls pair returns to: the server was serving on both sides of it. */
function upish(status: ServerStatus): ServerStatus {
  return status === 'DOWN' ? 'UP' : status;
}
