/**
 * The in-page toasts: newest first, a few at most, one per rule: a resolution replaces its alert's "fired" toast,
 * and a rule that fires and resolves over and over (a one-server backend that flaps) keeps a single toast.
 */
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
  const rest = toasts.filter((t) => ruleOf(t.event.id) !== ruleOf(event.id));
  const list = [{ key, event, shownAt: now }, ...rest];
  // Over the limit, the oldest resolution goes first: a firing alert must not be pushed out by good news.
  while (list.length > MAX_TOASTS) {
    const resolved = list.findLastIndex((t, i) => i > 0 && t.event.change === 'resolved');
    list.splice(resolved > 0 ? resolved : list.length - 1, 1);
  }
  return list;
}

export function dismissToast(toasts: readonly Toast[], key: string): Toast[] {
  return toasts.filter((t) => t.key !== key);
}

/** Resolved toasts older than RESOLVED_TOAST_MS. */
export function expireToasts(toasts: readonly Toast[], now: number): Toast[] {
  const kept = toasts.filter((t) => t.event.change !== 'resolved' || now - t.shownAt < RESOLVED_TOAST_MS);
  return kept.length === toasts.length ? (toasts as Toast[]) : kept;
}

/** Episode ids are `<rule key>@<fired time>`: the rule is what a person recognises. */
function ruleOf(id: string): string {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(0, at) : id;
}
