import { expect, test } from 'vitest';
import { MAX_BACKOFF_MS, nextPollDelayMs } from './backoff';

test.each([
  // interval, failures, elapsed, expected
  [2000, 0, 0, 2000],
  [2000, 0, 150, 1850],
  [2000, 0, 2500, 0],
  [2000, 1, 0, 2000],
  [2000, 2, 0, 4000],
  [2000, 3, 0, 8000],
  [2000, 4, 0, 16000],
  [2000, 5, 0, MAX_BACKOFF_MS],
  [2000, 50, 0, MAX_BACKOFF_MS],
  [60000, 3, 0, 60000],
])('interval %i, %i failures, %i ms spent → wait %i ms', (interval, failures, elapsed, expected) => {
  expect(nextPollDelayMs(interval, failures, elapsed)).toBe(expected);
});
