import { expect, test } from 'vitest';
import {
  dismissToast,
  expires,
  expireToasts,
  MAX_TOASTS,
  NO_TOASTS,
  OVERFLOW_KEY,
  pushToast,
  RESOLVED_TOAST_MS,
  type ToastStack,
} from './toast-queue';
import { eventDto } from './test-alerts';

const keys = (stack: ToastStack) => stack.toasts.map((t) => t.key);

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
  expect(stack.overflow).toEqual({ fired: 2, resolved: 1, since: 2000, lastAt: 6000 });
  // A shown alert's resolution still replaces its own toast; the overflow keeps counting the others.
  stack = pushToast(stack, eventDto('f2', 8, 'resolved'), 7000);
  expect(keys(stack)).toEqual(['f2|resolved', 'f4|fired', 'f3|fired', 'f1|fired']);
  expect(stack.overflow).toEqual({ fired: 2, resolved: 1, since: 2000, lastAt: 6000 });
  // Once that resolution has left, the next change gets its toast again.
  stack = expireToasts(stack, 7000 + RESOLVED_TOAST_MS);
  stack = pushToast(stack, eventDto('f7', 9, 'fired'), 20_000);
  expect(keys(stack)).toEqual(['f7|fired', 'f4|fired', 'f3|fired', 'f1|fired']);
  // An overflow with a firing alert in it stays until dismissed.
  expect(expireToasts(stack, 60_000).overflow).toEqual({ fired: 2, resolved: 1, since: 2000, lastAt: 6000 });
  expect(dismissToast(stack, OVERFLOW_KEY)).toEqual({ toasts: stack.toasts, overflow: null });
});

test('an overflow of resolutions only leaves like a resolved toast, counted from its latest change', () => {
  let stack = NO_TOASTS;
  for (let i = 1; i <= 4; i++) stack = pushToast(stack, eventDto(`f${i}`, i, 'fired'), 0);
  stack = pushToast(stack, eventDto('gone1', 5, 'resolved'), 1000);
  stack = pushToast(stack, eventDto('gone2', 6, 'resolved'), 3000);
  expect(stack.overflow).toEqual({ fired: 0, resolved: 2, since: 1000, lastAt: 3000 });
  expect(expires(stack)).toBe(true);
  expect(expireToasts(stack, 3000 + RESOLVED_TOAST_MS - 1)).toBe(stack);
  expect(expireToasts(stack, 3000 + RESOLVED_TOAST_MS).overflow).toBeNull();
});
