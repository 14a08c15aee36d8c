import { expect, test } from 'vitest';
import { visibleRange } from './virtual-range';

test.each([
  // scrollTop, viewport, rowHeight, count, overscan → range
  [0, 300, 30, 0, 5, { start: 0, end: 0 }],
  [0, 300, 30, 5, 5, { start: 0, end: 5 }],
  [0, 300, 30, 10_000, 5, { start: 0, end: 16 }],
  [3000, 300, 30, 10_000, 5, { start: 95, end: 116 }],
  [299_700, 300, 30, 10_000, 5, { start: 9985, end: 10_000 }],
  // scrolled past the end after a filter shrank the list: still renders the tail, never an empty window
  [999_999, 300, 30, 20, 5, { start: 19, end: 20 }],
  [-50, 300, 30, 100, 0, { start: 0, end: 11 }],
])('scrollTop %s, viewport %s, row %s, %s rows, overscan %s', (top, height, row, count, overscan, range) => {
  expect(visibleRange(top, height, row, count, overscan)).toEqual(range);
});

test('renders a bounded number of rows however long the list', () => {
  const { start, end } = visibleRange(123_456, 900, 30, 10_000);
  expect(end - start).toBeLessThanOrEqual(Math.ceil(900 / 30) + 1 + 16);
});
