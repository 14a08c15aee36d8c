/** Statuses are stored as small integers (0 takes no bytes in an SQLite record). */
import type { StatusPoint } from '@/lib/health/history-types';
import { SERVER_STATUSES, type ServerStatus, type Transition } from '@/lib/health/types';

const TRANSITIONS: readonly Transition[] = [null, 'going-down', 'going-up'];

export const statusCode = (status: ServerStatus): number => SERVER_STATUSES.indexOf(status);
export const transitionCode = (transition: Transition): number => TRANSITIONS.indexOf(transition);

export function toStatusPoint(status: number, transition: number): StatusPoint {
  return { status: SERVER_STATUSES[status] ?? 'DOWN', transition: TRANSITIONS[transition] ?? null };
}
