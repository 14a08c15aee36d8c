/**
 * The in-page toasts: newest first, a few at most, one per rule: a resolution replaces its alert's "fired" toast,
 * and a rule that fires and resolves over and over (a one-server backend that flaps) keeps a single toast.
 *
 * A storm does not churn them. Once every toast shows a firing alert, further changes are counted in one overflow
 * toast ("12 more alert changes: 9 fired, 3 resolved since …") instead of pushing out a firing alert nobody had
 * time to read; each keeps its place until it is dismissed or resolved, and an alert counted there has its later
 * changes counted there too. The alert center lists every change.
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
  /** The rules counted: their later changes are counted too, not shown in place of another alert's toast. */
  rules: ReadonlySet<string>;
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

/** A poll's announced events, in order: the overflow's rules are copied once for them all, not once each. */
export function pushToasts(stack: ToastStack, events: readonly AlertEventDto[], now: number): ToastStack {
  let toasts = stack.toasts;
  let overflow = stack.overflow;
  let rules: Set<string> | null = null;
  for (const event of events) {
    const rule = ruleOf(event.id);
    const shown = toasts.findIndex((t) => ruleOf(t.event.id) === rule);
    // An alert counted in the overflow stays there: its resolution does not push out one shown.
    const counted = shown < 0 && overflow !== null && overflow.rules.has(rule);
    // Room: its own toast, a free place, or else the oldest resolution (good news leaves first).
    const room =
      shown >= 0
        ? shown
        : toasts.length < MAX_TOASTS
          ? -1
          : toasts.findLastIndex((t) => t.event.change === 'resolved');
    if (counted || (shown < 0 && toasts.length >= MAX_TOASTS && room < 0)) {
      rules ??= new Set(overflow?.rules);
      rules.add(rule);
      overflow = countOverflow(overflow, event, now, rules);
      continue;
    }
    const rest = room >= 0 ? toasts.filter((_, i) => i !== room) : toasts;
    toasts = [{ key: `${event.id}|${event.change}`, event, shownAt: now }, ...rest];
  }
  return toasts === stack.toasts && overflow === stack.overflow ? stack : { toasts, overflow };
}

function countOverflow(
  overflow: ToastOverflow | null,
  event: AlertEventDto,
  now: number,
  rules: ReadonlySet<string>,
): ToastOverflow {
  const fired = event.change === 'fired' ? 1 : 0;
  const resolved = event.change === 'resolved' ? 1 : 0;
  return overflow
    ? {
        ...overflow,
        fired: overflow.fired + fired,
        resolved: overflow.resolved + resolved,
        lastAt: now,
        rules,
      }
    : { fired, resolved, since: now, lastAt: now, rules };
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
