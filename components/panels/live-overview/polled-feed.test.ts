import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { changesOnly, PolledFeed } from './polled-feed';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A read whose answers the test hands out one at a time. */
function scriptedRead() {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  const read = vi.fn(() => new Promise<number>((resolve, reject) => pending.push({ resolve, reject })));
  return { read, pending };
}

test('reads at once, then every interval after the last answer, until stopped', async () => {
  const { read, pending } = scriptedRead();
  const heard: number[] = [];
  const feed = new PolledFeed(read, 2000, (n) => heard.push(n));
  feed.start();
  expect(read).toHaveBeenCalledTimes(1);
  pending[0]!.resolve(1);
  await vi.advanceTimersByTimeAsync(1999);
  expect(read).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(read).toHaveBeenCalledTimes(2);
  pending[1]!.resolve(2);
  await vi.advanceTimersByTimeAsync(0);
  expect(heard).toEqual([1, 2]);
  feed.stop();
  await vi.advanceTimersByTimeAsync(10_000);
  expect(read).toHaveBeenCalledTimes(2);
});

test('a failed read is tried again at the next turn, and nothing is heard for it', async () => {
  const { read, pending } = scriptedRead();
  const heard: number[] = [];
  new PolledFeed(read, 1000, (n) => heard.push(n)).start();
  pending[0]!.reject(new Error('503'));
  await vi.advanceTimersByTimeAsync(1000);
  pending[1]!.resolve(7);
  await vi.advanceTimersByTimeAsync(0);
  expect(heard).toEqual([7]);
});

test('an answer from before a stop is not heard, and a restart runs one loop, not two', async () => {
  const { read, pending } = scriptedRead();
  const heard: number[] = [];
  const feed = new PolledFeed(read, 1000, (n) => heard.push(n));
  feed.start();
  feed.stop();
  feed.start();
  expect(read).toHaveBeenCalledTimes(2);
  pending[0]!.resolve(1); // the first loop's, answered after its stop
  pending[1]!.resolve(2);
  await vi.advanceTimersByTimeAsync(0);
  expect(heard).toEqual([2]);
  await vi.advanceTimersByTimeAsync(1000);
  expect(read).toHaveBeenCalledTimes(3);
});

test('changesOnly posts a value only when it differs from the last one posted', () => {
  const posted: unknown[] = [];
  const post = changesOnly((v: { problems: string[] }) => posted.push(v));
  post({ problems: [] });
  post({ problems: [] });
  post({ problems: ['Kubernetes: forbidden'] });
  post({ problems: ['Kubernetes: forbidden'] });
  post({ problems: [] });
  expect(posted).toEqual([{ problems: [] }, { problems: ['Kubernetes: forbidden'] }, { problems: [] }]);
});
