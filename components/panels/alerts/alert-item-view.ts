/** How one alert in the alert center looks: its badge and whether a mute covers it now. Pure. */
import type { AlertDto } from '@/lib/api/alerts-dto';
import type { IconShape } from '../../ui/shape-icon';

export interface AlertBadgeView {
  tone: string;
  shape: IconShape;
  text: string;
}

/** Firing alerts show their severity (critical stands out); resolved ones say so. */
export function alertBadgeView(alert: Pick<AlertDto, 'state' | 'severity'>): AlertBadgeView {
  if (alert.state !== 'firing') return { tone: 'ok', shape: 'circle', text: 'resolved' };
  return alert.severity === 'critical'
    ? { tone: 'down', shape: 'cross', text: alert.severity }
    : { tone: 'going-down', shape: 'diamond', text: alert.severity };
}

/** The end of the mute that covers the alert at `now`, or null when none does (never muted, or expired). */
export function activeMuteUntil(alert: Pick<AlertDto, 'mutedUntil'>, now: number): string | null {
  return alert.mutedUntil && Date.parse(alert.mutedUntil) > now ? alert.mutedUntil : null;
}
