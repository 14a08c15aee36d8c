import { expect, test } from 'vitest';
import { INITIAL_THROTTLE, stepLogThrottle, type ThrottleEvent } from './log-throttle';

const EVERY = 300_000; // 5 min
const S = 1000;
const fail = (at: number, key = 'disk-full'): ThrottleEvent => ({ kind: 'failure', key, at });
const ok = (at: number): ThrottleEvent => ({ kind: 'success', at });

/** Each line as `kind key [since failures]`, the way a reader scans the log. */
function linesOf(events: ThrottleEvent[]): string[] {
  let state = INITIAL_THROTTLE;
  const lines: string[] = [];
  for (const event of events) {
    const step = stepLogThrottle(state, event, EVERY);
    state = step.state;
    const line = step.line;
    if (!line) continue;
    lines.push(
      line.kind === 'started'
        ? `started ${line.key} @${event.at / S}s`
        : `${line.kind} ${line.key} since ${line.since / S}s, ${line.failures} failures @${event.at / S}s`,
    );
  }
  return lines;
}

const every2s = (from: number, to: number, key?: string) =>
  Array.from({ length: (to - from) / 2 + 1 }, (_, i) => fail((from + i * 2) * S, key));

test.each<[string, ThrottleEvent[], string[]]>([
  ['healthy: nothing', [ok(0), ok(2 * S), ok(4 * S)], []],
  [
    'one failure, then well: a start and an end',
    [fail(0), ok(2 * S)],
    ['started disk-full @0s', 'ended disk-full since 0s, 0 failures @2s'],
  ],
  [
    'a failure on every 2 s poll for 12 min: one start, a line every 5 min, one end',
    [...every2s(0, 720), ok(722 * S)],
    [
      'started disk-full @0s',
      'still disk-full since 0s, 150 failures @300s',
      'still disk-full since 0s, 150 failures @600s',
      'ended disk-full since 0s, 60 failures @722s',
    ],
  ],
  [
    'the fault changes: said by the next line, not at once',
    [fail(0), fail(2 * S, 'read-only'), fail(301 * S, 'read-only'), ok(303 * S)],
    [
      'started disk-full @0s',
      'still read-only since 0s, 2 failures @301s',
      'ended read-only since 0s, 0 failures @303s',
    ],
  ],
  [
    'a store that fails every other poll: quiet relapses, a new start only after 5 min',
    [fail(0), ok(2 * S), fail(4 * S), ok(6 * S), fail(8 * S), ok(10 * S), fail(304 * S), ok(306 * S)],
    [
      'started disk-full @0s',
      'ended disk-full since 0s, 0 failures @2s',
      'started disk-full @304s',
      'ended disk-full since 304s, 0 failures @306s',
    ],
  ],
  [
    'a relapse that lasts: its "still" line comes 5 min after the last line, and then its end',
    [fail(0), ok(2 * S), ...every2s(4, 302), ok(304 * S)],
    [
      'started disk-full @0s',
      'ended disk-full since 0s, 0 failures @2s',
      'still disk-full since 4s, 150 failures @302s',
      'ended disk-full since 4s, 0 failures @304s',
    ],
  ],
  [
    'a success while healthy after an end: nothing more',
    [fail(0), ok(2 * S), ok(4 * S), ok(400 * S)],
    ['started disk-full @0s', 'ended disk-full since 0s, 0 failures @2s'],
  ],
])('%s', (_name, events, expected) => {
  expect(linesOf(events)).toEqual(expected);
});
