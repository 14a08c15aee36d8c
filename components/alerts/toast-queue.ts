/** The in-page toasts: newest first, a few at most; a resolution replaces its alert's "fired" toast. */
import type { AlertEventDto } from '@/lib/api/alerts-dto';

export interface Toast {
  key: string;
  event: AlertEventDto;
  shownAt: number;
}

export const MAX_TOASTS = 4;
/** Resolved toasts leave by themselves after this; fired ones stay until dismissed or resolved. */
export const RESOLVED_TOAST_MS = 8_000;

export function pushToast(toasts: readonly Toast[], event: AlertEventDto, now: number): Toast[] {
  const key = `${event.id}|${event.change}`;
  const rest = toasts.filter((t) => t.event.id !== event.id);
  return [{ key, event, shownAt: now }, ...rest].slice(0, MAX_TOASTS);
}

export function dismissToast(toasts: readonly Toast[], key: string): Toast[] {
  return toasts.filter((t) => t.key !== key);
}

/** Resolved toasts older than RESOLVED_TOAST_MS. */
export function expireToasts(toasts: readonly Toast[], now: number): Toast[] {
  const kept = toasts.filter((t) => t.event.change !== 'resolved' || now - t.shownAt < RESOLVED_TOAST_MS);
  return kept.length === toasts.length ? (toasts as Toast[]) : kept;
}
