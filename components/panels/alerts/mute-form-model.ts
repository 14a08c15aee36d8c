/** The mute form's wording and input checks. Pure. */
import type { AlertTarget } from '@/lib/alerts/types';

/** A preset's minutes, or 'custom' for the minutes typed in. */
export type MuteChoice = number | 'custom';

/** What the mute covers, as the form's legend names it: backend/server, pool, else the instance. */
export function muteTargetText(target: AlertTarget): string {
  const parts = [
    target.backend && target.server ? `${target.backend}/${target.server}` : target.backend,
    target.pool && `pool ${target.pool}`,
  ];
  return parts.filter(Boolean).join(', ') || target.instance || 'this target';
}

/** The mute's length in minutes, or null unless it is a whole number of at least one. */
export function muteMinutes(choice: MuteChoice, custom: string): number | null {
  const minutes = choice === 'custom' ? Number(custom) : choice;
  return Number.isInteger(minutes) && minutes >= 1 ? minutes : null;
}
