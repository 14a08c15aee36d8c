/** Shared shapes of the history model: status points, transitions and time intervals (epoch milliseconds). */
import type { ServerStatus, Transition } from './types';

/** A server's state as HAProxy shows it: the normalized status plus its transitional form (`UP 1/3`). */
export interface StatusPoint {
  status: ServerStatus;
  transition: Transition;
}

/**
 * observed: two polls read different states. between-polls: chkdown rose while both polls read the same state,
 * a down-and-up the poll did not see. reload: the state changed across an HAProxy reload.
 */
export type TransitionKind = 'observed' | 'between-polls' | 'reload';

export interface CheckCause {
  checkStatus: string | null;
  checkCode: number | null;
  description: string | null;
}

export interface StatusChange extends CheckCause {
  at: number;
  from: StatusPoint | null;
  to: StatusPoint;
  kind: TransitionKind;
  /** How far `at` may be off: 1000 when back-dated from lastchg (whole seconds), else the poll window. */
  precisionMs: number;
}

/** Half-open [from, to). */
export interface Interval {
  from: number;
  to: number;
}

export const sameStatusPoint = (a: StatusPoint, b: StatusPoint): boolean =>
  a.status === b.status && a.transition === b.transition;
