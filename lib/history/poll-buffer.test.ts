import { expect, test } from 'vitest';
import { PollBuffer, type BufferLimits } from './poll-buffer';

interface Poll {
  at: number;
  rows: number;
}
const S = 1000;

/** Pushes polls (at in seconds, rows); what is kept (their times, oldest first) and how many were dropped. */
function after(limits: BufferLimits, polls: [number, number][]) {
  const buffer = new PollBuffer<Poll>(limits, (poll) => poll.rows);
  for (const [at, rows] of polls) buffer.push({ at: at * S, rows });
  const dropped = buffer.dropped;
  const kept: number[] = [];
  for (; buffer.peek(); buffer.shift()) kept.push(buffer.peek()!.at / S);
  return { kept, dropped };
}

const roomy = { maxSpanMs: 600 * S, maxWeight: 1000 };

test.each<[string, BufferLimits, [number, number][], { kept: number[]; dropped: number }]>([
  [
    'under both limits: all kept, in order',
    roomy,
    [
      [0, 10],
      [2, 10],
      [4, 10],
    ],
    { kept: [0, 2, 4], dropped: 0 },
  ],
  [
    'past the time span: the oldest go',
    { ...roomy, maxSpanMs: 4 * S },
    [
      [0, 1],
      [2, 1],
      [4, 1],
      [6, 1],
      [8, 1],
    ],
    { kept: [4, 6, 8], dropped: 2 },
  ],
  [
    'past the weight: the oldest go until it fits',
    { ...roomy, maxWeight: 25 },
    [
      [0, 10],
      [2, 10],
      [4, 10],
      [6, 10],
    ],
    { kept: [4, 6], dropped: 2 },
  ],
  [
    'a poll heavier than the whole buffer is still kept, alone',
    { ...roomy, maxWeight: 25 },
    [
      [0, 10],
      [2, 100],
    ],
    { kept: [2], dropped: 1 },
  ],
  [
    'a failed poll weighs 1, not 0',
    { ...roomy, maxWeight: 2 },
    [
      [0, 0],
      [2, 0],
      [4, 0],
    ],
    { kept: [2, 4], dropped: 1 },
  ],
])('%s', (_name, limits, polls, expected) => {
  expect(after(limits, polls)).toEqual(expected);
});

test('the dropped count lasts until the backlog is written, then starts again from 0', () => {
  const buffer = new PollBuffer<Poll>({ maxSpanMs: 2 * S, maxWeight: 1000 }, () => 1);
  for (let at = 0; at <= 10; at += 2) buffer.push({ at: at * S, rows: 1 });
  expect([buffer.size, buffer.dropped]).toEqual([2, 4]);
  buffer.shift();
  expect(buffer.dropped).toBe(4);
  buffer.shift();
  expect([buffer.size, buffer.dropped]).toEqual([0, 0]);
});

test('a poll dropped while it was being written takes nothing with it when its write ends', () => {
  const buffer = new PollBuffer<Poll>({ maxSpanMs: 2 * S, maxWeight: 1000 }, () => 1);
  const writing = { at: 0, rows: 1 };
  buffer.push(writing);
  for (let at = 2; at <= 6; at += 2) buffer.push({ at: at * S, rows: 1 }); // the buffer drops `writing`, and 2
  buffer.written(writing);
  expect([buffer.size, buffer.peek()!.at]).toEqual([2, 4 * S]);
  buffer.written(buffer.peek()!);
  expect([buffer.size, buffer.peek()!.at]).toEqual([1, 6 * S]);
});
