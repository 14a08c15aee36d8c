import { expect, test } from 'vitest';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import {
  dismissToast,
  expires,
  expireToasts,
  MAX_TOASTS,
  NO_TOASTS,
  OVERFLOW_KEY,
  pushToasts,
  RESOLVED_TOAST_MS,
  type ToastStack,
} from './toast-queue';
import { eventDto } from './test-alerts';

/** One event at a time, as the tests tell them. */
const pushToast = (stack: ToastStack, event: AlertEventDto, now: number) => pushToasts(stack, [event], now);

const keys = (stack: ToastStack) => stack.toasts.map((t) => t.key);
/** The overflow's counts and times (its rules are checked by what they do). */
const counts = ({ overflow }: ToastStack) =>
  overflow && {
    fired: overflow.fired,
    resolved: overflow.resolved,
    since: overflow.since,
    lastAt: overflow.lastAt,
  };

test('a resolution replaces its alert’s fired toast; newest first', () => {
  let stack = pushToast(NO_TOASTS, eventDto('a', 1, 'fired'), 0);
  stack = pushToast(stack, eventDto('b', 2, 'fired'), 0);
  stack = pushToast(stack, eventDto('a', 3, 'resolved'), 0);
  expect(keys(stack)).toEqual(['a|resolved', 'b|fired']);
  expect(stack.overflow).toBeNull();
});

test('resolved toasts expire, fired ones stay until dismissed', () => {
  let stack = pushToast(NO_TOASTS, eventDto('a', 1, 'fired'), 0);
  stack = pushToast(stack, eventDto('b', 2, 'resolved'), 0);
  expect(expires(stack)).toBe(true);
  stack = expireToasts(stack, RESOLVED_TOAST_MS + 1);
  expect(keys(stack)).toEqual(['a|fired']);
  expect(expires(stack)).toBe(false);
  expect(keys(dismissToast(stack, 'a|fired'))).toEqual([]);
});

test('episodes of the same rule share one toast', () => {
  let stack = pushToast(NO_TOASTS, eventDto('down:main/be@k1', 1, 'resolved'), 0);
  stack = pushToast(stack, eventDto('down:main/be@k2', 2, 'fired'), 0);
  stack = pushToast(stack, eventDto('other', 3, 'fired'), 0);
  expect(keys(stack)).toEqual(['other|fired', 'down:main/be@k2|fired']);
});

test('over the limit, a resolution leaves to make room', () => {
  let stack = pushToast(NO_TOASTS, eventDto('f1', 1, 'fired'), 0);
  stack = pushToast(stack, eventDto('r1', 2, 'resolved'), 0);
  for (let i = 2; i <= 4; i++) stack = pushToast(stack, eventDto(`f${i}`, 2 + i, 'fired'), 0);
  expect(keys(stack)).toEqual(['f4|fired', 'f3|fired', 'f2|fired', 'f1|fired']);
  expect(stack.overflow).toBeNull();
});

test('a storm: the firing toasts stay, the changes after them are counted in one overflow', () => {
  let stack = NO_TOASTS;
  for (let i = 1; i <= 4; i++) stack = pushToast(stack, eventDto(`f${i}`, i, 'fired'), 1000);
  expect(MAX_TOASTS).toBe(4);
  stack = pushToast(stack, eventDto('f5', 5, 'fired'), 2000);
  stack = pushToast(stack, eventDto('f6', 6, 'fired'), 4000);
  stack = pushToast(stack, eventDto('f5', 7, 'resolved'), 6000);
  expect(keys(stack)).toEqual(['f4|fired', 'f3|fired', 'f2|fired', 'f1|fired']);
  expect(counts(stack)).toEqual({ fired: 2, resolved: 1, since: 2000, lastAt: 6000 });
  // A shown alert's resolution still replaces its own toast; the overflow keeps counting the others.
  stack = pushToast(stack, eventDto('f2', 8, 'resolved'), 7000);
  expect(keys(stack)).toEqual(['f2|resolved', 'f4|fired', 'f3|fired', 'f1|fired']);
  expect(counts(stack)).toEqual({ fired: 2, resolved: 1, since: 2000, lastAt: 6000 });
  // Once that resolution has left, the next change gets its toast again.
  stack = expireToasts(stack, 7000 + RESOLVED_TOAST_MS);
  stack = pushToast(stack, eventDto('f7', 9, 'fired'), 20_000);
  expect(keys(stack)).toEqual(['f7|fired', 'f4|fired', 'f3|fired', 'f1|fired']);
  // An overflow with a firing alert in it stays until dismissed.
  expect(counts(expireToasts(stack, 60_000))).toEqual({ fired: 2, resolved: 1, since: 2000, lastAt: 6000 });
  expect(dismissToast(stack, OVERFLOW_KEY)).toEqual({ toasts: stack.toasts, overflow: null });
});

test('an overflow of resolutions only leaves like a resolved toast, counted from its latest change', () => {
  let stack = NO_TOASTS;
  for (let i = 1; i <= 4; i++) stack = pushToast(stack, eventDto(`f${i}`, i, 'fired'), 0);
  stack = pushToast(stack, eventDto('gone1', 5, 'resolved'), 1000);
  stack = pushToast(stack, eventDto('gone2', 6, 'resolved'), 3000);
  expect(counts(stack)).toEqual({ fired: 0, resolved: 2, since: 1000, lastAt: 3000 });
  expect(expires(stack)).toBe(true);
  expect(expireToasts(stack, 3000 + RESOLVED_TOAST_MS - 1)).toBe(stack);
  expect(expireToasts(stack, 3000 + RESOLVED_TOAST_MS).overflow).toBeNull();
});

test('an alert counted in the overflow has its resolution counted there, not shown in place of a shown one', () => {
  let stack = NO_TOASTS;
  for (let i = 1; i <= 4; i++) stack = pushToast(stack, eventDto(`f${i}`, i, 'fired'), 0);
  stack = pushToasts(stack, [eventDto('f5', 5, 'fired'), eventDto('f6', 6, 'fired')], 1000);
  // Recovery: the shown ones resolve in place, then the counted ones resolve.
  stack = pushToasts(
    stack,
    [eventDto('f1', 7, 'resolved'), eventDto('f5', 8, 'resolved'), eventDto('f6', 9, 'resolved')],
    2000,
  );
  expect(keys(stack)).toEqual(['f1|resolved', 'f4|fired', 'f3|fired', 'f2|fired']);
  expect(counts(stack)).toEqual({ fired: 2, resolved: 2, since: 1000, lastAt: 2000 });
  // A new alert takes the place of the resolution, as before any storm.
  stack = pushToast(stack, eventDto('g', 10, 'fired'), 3000);
  expect(keys(stack)).toEqual(['g|fired', 'f4|fired', 'f3|fired', 'f2|fired']);
  // Dismissed, the overflow forgets its alerts: f5 firing again is a change like any other (here: counted anew).
  stack = dismissToast(stack, OVERFLOW_KEY);
  stack = pushToast(stack, eventDto('f5@2', 11, 'fired'), 4000);
  expect(counts(stack)).toEqual({ fired: 1, resolved: 0, since: 4000, lastAt: 4000 });
});

test('a poll’s batch is the same as its events one by one, and an empty one changes nothing', () => {
  const events = Array.from({ length: 7 }, (_, i) =>
    eventDto(`e${i}`, i + 1, i === 6 ? 'resolved' : 'fired'),
  );
  const batched = pushToasts(NO_TOASTS, events, 5);
  const oneByOne = events.reduce((stack, event) => pushToast(stack, event, 5), NO_TOASTS);
  expect(keys(batched)).toEqual(['e3|fired', 'e2|fired', 'e1|fired', 'e0|fired']);
  expect(keys(oneByOne)).toEqual(keys(batched));
  expect(counts(batched)).toEqual({ fired: 2, resolved: 1, since: 5, lastAt: 5 });
  expect(counts(oneByOne)).toEqual(counts(batched));
  expect(pushToasts(batched, [], 9)).toBe(batched);
});
