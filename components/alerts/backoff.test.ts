import { expect, test } from 'vitest';
import { reconnectDelayMs, RECONNECT_MAX_MS } from './backoff';

test.each([
  [0, 0, 500],
  [0, 0.999, 1000],
  [1, 0, 1000],
  [3, 0.5, 6000],
  [5, 0.5, 22_500],
  [40, 0, 15_000],
])('attempt %i, random %f → %i ms', (attempt, random, ms) => {
  expect(reconnectDelayMs(attempt, random)).toBe(ms);
});

test('never beyond the ceiling', () => {
  for (let attempt = 0; attempt < 50; attempt++)
    expect(reconnectDelayMs(attempt, 0.9999)).toBeLessThanOrEqual(RECONNECT_MAX_MS);
});
