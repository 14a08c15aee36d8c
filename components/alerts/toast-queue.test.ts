import { expect, test } from 'vitest';
import { dismissToast, expireToasts, MAX_TOASTS, pushToast, RESOLVED_TOAST_MS } from './toast-queue';
import { eventDto } from './test-alerts';

test('a resolution replaces its alert’s fired toast; newest first; at most MAX_TOASTS', () => {
  let toasts = pushToast([], eventDto('a', 1, 'fired'), 0);
  toasts = pushToast(toasts, eventDto('b', 2, 'fired'), 0);
  toasts = pushToast(toasts, eventDto('a', 3, 'resolved'), 0);
  expect(toasts.map((t) => t.key)).toEqual(['a|resolved', 'b|fired']);
  for (let i = 0; i < 10; i++) toasts = pushToast(toasts, eventDto(`x${i}`, 10 + i, 'fired'), 0);
  expect(toasts).toHaveLength(MAX_TOASTS);
});

test('resolved toasts expire, fired ones stay until dismissed', () => {
  let toasts = pushToast([], eventDto('a', 1, 'fired'), 0);
  toasts = pushToast(toasts, eventDto('b', 2, 'resolved'), 0);
  toasts = expireToasts(toasts, RESOLVED_TOAST_MS + 1);
  expect(toasts.map((t) => t.key)).toEqual(['a|fired']);
  expect(dismissToast(toasts, 'a|fired')).toEqual([]);
});

test('episodes of the same rule share one toast', () => {
  let toasts = pushToast([], eventDto('down:main/be@k1', 1, 'resolved'), 0);
  toasts = pushToast(toasts, eventDto('down:main/be@k2', 2, 'fired'), 0);
  toasts = pushToast(toasts, eventDto('other', 3, 'fired'), 0);
  expect(toasts.map((t) => t.key)).toEqual(['other|fired', 'down:main/be@k2|fired']);
});

test('over the limit, resolutions leave before firing alerts', () => {
  let toasts = pushToast([], eventDto('f1', 1, 'fired'), 0);
  toasts = pushToast(toasts, eventDto('r1', 2, 'resolved'), 0);
  for (let i = 2; i <= 4; i++) toasts = pushToast(toasts, eventDto(`f${i}`, 2 + i, 'fired'), 0);
  expect(toasts.map((t) => t.key)).toEqual(['f4|fired', 'f3|fired', 'f2|fired', 'f1|fired']);
});
