import { expect, test } from 'vitest';
import { SignInThrottle } from './sign-in-throttle';

const limits = { windowMs: 60_000, perUser: 3, perAddress: 5 };

test('a user is held back after 3 failures in the window, until the oldest leaves it', () => {
  const throttle = new SignInThrottle(limits);
  for (const at of [0, 10_000, 20_000]) throttle.recordFailure('alice', '10.0.0.1', at);
  expect(throttle.waitMs('alice', '10.0.0.9', 30_000)).toBe(30_000);
  expect(throttle.waitMs('ALICE', '10.0.0.9', 59_999)).toBe(1);
  expect(throttle.waitMs('alice', '10.0.0.9', 60_000)).toBe(0);
  expect(throttle.waitMs('bob', '10.0.0.9', 30_000)).toBe(0);
});

test('an address is held back after 5 failures whatever the user names (guessing many users)', () => {
  const throttle = new SignInThrottle(limits);
  for (const [i, name] of ['a', 'b', 'c', 'd', 'e'].entries())
    throttle.recordFailure(name, '10.0.0.1', i * 1000);
  expect(throttle.waitMs('f', '10.0.0.1', 5_000)).toBe(55_000);
  expect(throttle.waitMs('f', '10.0.0.2', 5_000)).toBe(0);
});

test("a success clears the user's count but not the address's", () => {
  const throttle = new SignInThrottle(limits);
  for (const at of [0, 1, 2]) throttle.recordFailure('alice', '10.0.0.1', at);
  throttle.recordSuccess('alice');
  expect(throttle.waitMs('alice', '10.0.0.2', 3)).toBe(0);
  for (const at of [3, 4]) throttle.recordFailure('bob', '10.0.0.1', at);
  expect(throttle.waitMs('carol', '10.0.0.1', 5)).toBe(59_995);
});
