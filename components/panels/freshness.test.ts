import { expect, test } from 'vitest';
import { freshness } from './freshness';

test.each([
  [null, false, 2000, 0, 'loading'],
  [null, true, 2000, 0, 'offline'],
  [0, false, 2000, 9_999, 'live'],
  [0, false, 2000, 10_001, 'stale'],
  [0, false, 5000, 14_000, 'live'],
  [0, false, 5000, 15_001, 'stale'],
  [0, true, 2000, 1_000, 'offline'],
])('received %s, error %s, every %s ms, now %s → %s', (receivedAt, hasError, pollIntervalMs, now, state) => {
  expect(freshness({ receivedAt, hasError, pollIntervalMs, now })).toBe(state);
});
