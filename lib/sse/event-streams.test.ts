import { expect, test } from 'vitest';
import { EventStreams } from './event-streams';

const noop = () => {};

test('each client address holds at most maxPerClient streams; other addresses are counted apart', () => {
  const streams = new EventStreams(3);
  const first = [1, 2, 3].map(() => streams.add('10.0.0.1', noop));
  expect(first.every((forget) => forget !== null)).toBe(true);
  expect(streams.add('10.0.0.1', noop)).toBeNull();
  expect(streams.add('10.0.0.2', noop)).not.toBeNull();
  expect([streams.count, streams.countOf('10.0.0.1'), streams.countOf('10.0.0.2')]).toEqual([4, 3, 1]);
  expect(streams.totals).toEqual({ refused: 1, dropped: 0 });
});

test('a stream that ends gives its place back, once however often it is forgotten', () => {
  const streams = new EventStreams(2);
  const a = streams.add('10.0.0.1', noop)!;
  streams.add('10.0.0.1', noop);
  expect(streams.add('10.0.0.1', noop)).toBeNull();
  a();
  a();
  expect(streams.countOf('10.0.0.1')).toBe(1);
  const c = streams.add('10.0.0.1', noop);
  expect(c).not.toBeNull();
  expect(streams.add('10.0.0.1', noop)).toBeNull();
  c!();
  expect([streams.count, streams.countOf('10.0.0.1')]).toEqual([1, 1]);
});

test('a client nobody stamped (no server.mjs in front) is not capped, but still counted and closed', () => {
  const streams = new EventStreams(1);
  const stopped: number[] = [];
  for (let i = 0; i < 5; i++) expect(streams.add(null, () => stopped.push(i))).not.toBeNull();
  expect(streams.count).toBe(5);
  streams.closeAll();
  expect(stopped).toEqual([0, 1, 2, 3, 4]);
});

test('closeAll stops every stream; each stop forgets its own', () => {
  const streams = new EventStreams(5);
  const forgets: (() => void)[] = [];
  ['a', 'a', 'b'].forEach((client, i) => {
    forgets[i] = streams.add(client, () => forgets[i]!())!;
  });
  streams.closeAll();
  expect([streams.count, streams.countOf('a'), streams.countOf('b')]).toEqual([0, 0, 0]);
});
