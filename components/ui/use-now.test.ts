// The page's clocks: one tick for every reader; a restart as data arrives ticks at once and then keeps quiet until
// the next arrival is late, so a page that shows a poll every 2 s paints once per poll.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { clockFor, restartClock } from './use-now';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

test('every reader of a clock hears each tick, once an interval', () => {
  const clock = clockFor(1000);
  const heard: number[] = [];
  const stopA = clock.subscribe(() => heard.push(clock.read()));
  const stopB = clock.subscribe(() => heard.push(-clock.read()));
  vi.advanceTimersByTime(2500);
  expect(heard).toEqual([1000, -1000, 2000, -2000]);
  stopA();
  stopB();
});

test('data arriving every 2 s: a tick with each arrival and none between; late data, ticks again every second', () => {
  const clock = clockFor(1000);
  const ticks: number[] = [];
  const stop = clock.subscribe(() => ticks.push(Date.now()));
  // Polls arrive 2,088 ms apart (2 s and the time a poll takes): without the quiet time the clock would tick at
  // +1 s and at +2 s, just before each arrival.
  for (const at of [100, 2188, 4276]) {
    vi.setSystemTime(at);
    restartClock(1000, 2000 + 1000);
    vi.advanceTimersByTime(at === 4276 ? 0 : 2088 - (Date.now() - at));
  }
  expect(ticks).toEqual([100, 2188, 4276]);
  // The next poll does not come: 3 s after the last arrival the ages go on, every second.
  vi.advanceTimersByTime(5000);
  expect(ticks).toEqual([100, 2188, 4276, 7276, 8276, 9276]);
  stop();
});
