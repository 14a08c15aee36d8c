import type { ServerStatus, Transition } from './types';

export interface NormalizedStatus {
  status: ServerStatus;
  transition: Transition;
}

/**
 * Maps HAProxy's server status text to the model. `UP x/y`, `NOLB x/y`, `DRAIN x/y` are failing checks on
 * their way down; `DOWN x/y` is passing checks on its way up. Unknown text reads as DOWN: a dashboard that
 * hides a state it does not understand is worse than one that flags it.
 */
export function normalizeServerStatus(raw: string): NormalizedStatus {
  const text = raw.trim();
  const upper = text.toUpperCase();
  if (upper === 'NO CHECK') return { status: 'NOCHECK', transition: null };
  if (upper.startsWith('MAINT')) return { status: 'MAINT', transition: null };
  const match = /^(UP|DOWN|NOLB|DRAIN)\b(.*)$/.exec(upper);
  if (!match) return { status: 'DOWN', transition: null };
  const status = match[1] as 'UP' | 'DOWN' | 'NOLB' | 'DRAIN';
  const moving = /^\s*\d+\/\d+\s*$/.test(match[2] ?? '');
  if (!moving) return { status, transition: null };
  return { status, transition: status === 'DOWN' ? 'going-up' : 'going-down' };
}

/** Servers that take new traffic: UP (even while failing checks) and servers without checks. */
export function isUsable(status: ServerStatus, weight: number): boolean {
  return (status === 'UP' || status === 'NOCHECK') && weight > 0;
}

/** Worst first: the order problems are sorted and cells coloured by. */
export const STATUS_SEVERITY: Record<ServerStatus, number> = {
  DOWN: 0,
  NOLB: 2,
  DRAIN: 3,
  MAINT: 4,
  UP: 5,
  NOCHECK: 6,
};

export function severityOf(status: ServerStatus, transition: Transition): number {
  if (status === 'UP' && transition === 'going-down') return 1;
  return STATUS_SEVERITY[status];
}
