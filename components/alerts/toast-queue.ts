/**
 * The in-page toasts: newest first, a few at most, one per rule: a resolution replaces its alert's "fired" toast,
 * and a rule that fires and resolves over and over (a one-server backend that flaps) keeps a single toast.
 *
 * A storm does not churn them. Once every toast shows a firing alert, further changes are counted in one overflow
 * toast ("12 more alert changes: 9 fired, 3 resolved since …") instead of pushing out a firing alert nobody had
 * time to read; each keeps its place until it is dismissed or resolved. The alert center lists every change.
 */
import type { AlertEventDto } from '@/lib/api/alerts-dto';

export interface Toast {
  key: string;
  event: AlertEventDto;
  shownAt: number;
}

/** Changes that came while every toast showed a firing alert: counted, not shown one by one. */
export interface ToastOverflow {
  fired: number;
  resolved: number;
  /** Epoch ms of the first change counted. */
  since: number;
  /** Epoch ms of the latest. */
  lastAt: number;
}

export interface ToastStack {
  toasts: readonly Toast[];
  overflow: ToastOverflow | null;
}

export const NO_TOASTS: ToastStack = { toasts: [], overflow: null };
export const MAX_TOASTS = 4;
/** Resolved toasts (and an overflow of resolutions only) leave by themselves after this; fired ones stay. */
export const RESOLVED_TOAST_MS = 8_000;
/** What `dismissToast` takes to dismiss the overflow toast. */
export const OVERFLOW_KEY = 'overflow';

export function pushToast(stack: ToastStack, event: AlertEventDto, now: number): ToastStack {
  const { toasts } = stack;
  const rule = ruleOf(event.id);
  const shown = toasts.findIndex((t) => ruleOf(t.event.id) === rule);
  // Room: a toast of the same rule, a free place, or else the oldest resolution (good news leaves first).
  const room =
    shown >= 0
      ? shown
      : toasts.length < MAX_TOASTS
        ? -1
        : toasts.findLastIndex((t) => t.event.change === 'resolved');
  if (shown < 0 && toasts.length >= MAX_TOASTS && room < 0)
    return { toasts, overflow: countOverflow(stack.overflow, event, now) };
  const rest = room >= 0 ? toasts.filter((_, i) => i !== room) : toasts;
  return {
    toasts: [{ key: `${event.id}|${event.change}`, event, shownAt: now }, ...rest],
    overflow: stack.overflow,
  };
}

function countOverflow(overflow: ToastOverflow | null, event: AlertEventDto, now: number): ToastOverflow {
  const fired = event.change === 'fired' ? 1 : 0;
  const resolved = event.change === 'resolved' ? 1 : 0;
  return overflow
    ? { ...overflow, fired: overflow.fired + fired, resolved: overflow.resolved + resolved, lastAt: now }
    : { fired, resolved, since: now, lastAt: now };
}

/** A toast by its key, or the overflow toast by OVERFLOW_KEY. */
export function dismissToast(stack: ToastStack, key: string): ToastStack {
  if (key === OVERFLOW_KEY) return { ...stack, overflow: null };
  return { ...stack, toasts: stack.toasts.filter((t) => t.key !== key) };
}

/** Without resolved toasts older than RESOLVED_TOAST_MS, nor an overflow of resolutions only untouched as long. */
export function expireToasts(stack: ToastStack, now: number): ToastStack {
  const toasts = stack.toasts.filter(
    (t) => t.event.change !== 'resolved' || now - t.shownAt < RESOLVED_TOAST_MS,
  );
  const { overflow } = stack;
  const overflowGone =
    overflow !== null && overflow.fired === 0 && now - overflow.lastAt >= RESOLVED_TOAST_MS;
  if (toasts.length === stack.toasts.length && !overflowGone) return stack;
  return { toasts, overflow: overflowGone ? null : overflow };
}

/** Whether anything shown leaves by itself (a timer need run only then). */
export function expires(stack: ToastStack): boolean {
  return (
    stack.toasts.some((t) => t.event.change === 'resolved') ||
    (stack.overflow !== null && stack.overflow.fired === 0)
  );
}

/** Episode ids are `<rule key>@<fired time>`: the rule is what a person recognises. */
function ruleOf(id: string): string {
  const at = id.lastIndexOf('@');
  return at > 0 ? id.slice(0, at) : id;
}
