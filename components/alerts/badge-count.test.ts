import { expect, test } from 'vitest';
import { faviconLabel, titleWithCount } from './badge-count';

test.each([
  ['hapscope', 3, '(3) hapscope'],
  ['(3) hapscope', 5, '(5) hapscope'],
  ['(3) Alerts · hapscope', 0, 'Alerts · hapscope'],
  ['hapscope', 0, 'hapscope'],
  ['hapscope', 120, '(99+) hapscope'],
  ['(99+) hapscope', 2, '(2) hapscope'],
])('titleWithCount(%s, %i) → %s', (title, count, expected) => {
  expect(titleWithCount(title, count)).toBe(expected);
});

test.each([
  [1, '1'],
  [9, '9'],
  [10, '9+'],
])('faviconLabel(%i) → %s', (count, label) => {
  expect(faviconLabel(count)).toBe(label);
});
