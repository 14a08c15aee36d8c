/** How one alert in the alert center looks: its badge and whether a mute covers it now. Pure. */
import type { AlertDto, MuteDto } from '@/lib/api/alerts-dto';
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

/**
 * The active mute that covers the alert's target and ends last (as the server picks it): every field the mute
 * names must match, unnamed fields match anything. Its `createdBy` says who muted.
 */
export function coveringMute<M extends Pick<MuteDto, 'target' | 'until'>>(
  alert: Pick<AlertDto, 'target'>,
  mutes: readonly M[],
  now: number,
): M | null {
  const fields = ['instance', 'backend', 'server', 'pool'] as const;
  const covers = (mute: M) =>
    fields.every((f) => mute.target[f] === null || mute.target[f] === alert.target[f]);
  const active = mutes.filter((mute) => Date.parse(mute.until) > now && covers(mute));
  return active.reduce<M | null>(
    (last, mute) => (!last || Date.parse(mute.until) > Date.parse(last.until) ? mute : last),
    null,
  );
}
