import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { drawWithNextView, viewArrives } from './draw-with-view';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  viewArrives(); // nothing left waiting for the next test
  vi.useRealTimers();
});

test('an update waits for the next view, and runs once however often it was handed over', () => {
  const update = vi.fn();
  drawWithNextView(update);
  drawWithNextView(update);
  expect(update).not.toHaveBeenCalled();
  viewArrives();
  expect(update).toHaveBeenCalledTimes(1);
  viewArrives();
  expect(update).toHaveBeenCalledTimes(1);
});

test('without a view, an update runs after at most half a second', () => {
  const update = vi.fn();
  drawWithNextView(update);
  vi.advanceTimersByTime(499);
  expect(update).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(update).toHaveBeenCalledTimes(1);
});

test('a view ends the wait: the next update waits for the view after it, not for the old deadline', () => {
  const first = vi.fn();
  const second = vi.fn();
  drawWithNextView(first);
  vi.advanceTimersByTime(400);
  viewArrives();
  drawWithNextView(second);
  vi.advanceTimersByTime(499);
  expect(second).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect([first.mock.calls.length, second.mock.calls.length]).toEqual([1, 1]);
});
