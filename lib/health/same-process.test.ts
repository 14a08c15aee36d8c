import { describe, expect, test } from 'vitest';
import {
  countedSources,
  groupSameProcess,
  sameProcess,
  startedAtMs,
  type ProcessReading,
} from './same-process';

const T = 1_800_000_000_000;
const reading = (name: string, extra: Partial<ProcessReading> = {}): ProcessReading => ({
  name,
  pid: 4242,
  nodeName: null,
  uptimeSec: 100,
  readAt: T,
  ...extra,
});

describe('sameProcess', () => {
  test.each([
    ['the same pid and start time', {}, {}, true],
    ['the stats page read 3 s later (uptime 3 s more)', {}, { readAt: T + 3_000, uptimeSec: 103 }, true],
    ['start times 5 s apart (the tolerance)', {}, { uptimeSec: 95 }, true],
    ['start times 6 s apart: pid reused by a later process', {}, { uptimeSec: 94 }, false],
    ['another pid', {}, { pid: 4243 }, false],
    ['no pid on one side', { pid: null }, { pid: null }, false],
    ['no uptime on one side', {}, { uptimeSec: null }, false],
    ['never read', {}, { readAt: null }, false],
    ['the same node', { nodeName: 'lb-1' }, { nodeName: 'lb-1' }, true],
    ['another node (same pid on two machines)', { nodeName: 'lb-1' }, { nodeName: 'lb-2' }, false],
    ['a node on one side only (stats page without show-node)', { nodeName: 'lb-1' }, {}, true],
  ] as const)('%s → %s', (_what, a, b, same) => {
    expect(sameProcess(reading('a', a), reading('b', b))).toBe(same);
    expect(sameProcess(reading('b', b), reading('a', a))).toBe(same);
  });

  test('the start time is the reading time less the uptime', () => {
    expect(startedAtMs(reading('a', { uptimeSec: 60, readAt: T }))).toBe(T - 60_000);
    expect(startedAtMs(reading('a', { uptimeSec: null }))).toBeNull();
  });
});

describe('groupSameProcess', () => {
  test('an HTTP and a socket source of one process are peers; a second process stays alone', () => {
    const { peers, stale } = groupSameProcess([
      reading('lb-http'),
      reading('lb-sock', { nodeName: 'lb-1', readAt: T + 1_000, uptimeSec: 101 }),
      reading('standby', { pid: 777 }),
    ]);
    expect(Object.fromEntries(peers)).toEqual({ 'lb-http': ['lb-sock'], 'lb-sock': ['lb-http'] });
    expect(stale.size).toBe(0);
  });

  test('three sources of one process are all peers of each other', () => {
    const { peers } = groupSameProcess([reading('a'), reading('b'), reading('c')]);
    expect(peers.get('b')).toEqual(['a', 'c']);
  });

  test('a reload seen by the socket first keeps the pair until the stats page is read again', () => {
    const before = groupSameProcess([reading('http'), reading('sock')]);
    // The socket reads the new worker 30 s later; the page's information is from before the reload.
    const reloaded = reading('sock', { pid: 5000, uptimeSec: 2, readAt: T + 30_000 });
    const during = groupSameProcess([reading('http'), reloaded], before);
    expect(during.peers.get('http')).toEqual(['sock']);
    expect(Object.fromEntries(during.stale)).toEqual({ http: T });
    // Still not read again: still together, still waiting.
    const still = groupSameProcess(
      [reading('http'), { ...reloaded, readAt: T + 32_000, uptimeSec: 4 }],
      during,
    );
    expect(still.peers.get('http')).toEqual(['sock']);
    expect(still.stale.has('http')).toBe(true);
    // Read again: the new worker on both sides.
    const after = groupSameProcess(
      [reading('http', { pid: 5000, uptimeSec: 5, readAt: T + 33_000 }), reloaded],
      still,
    );
    expect(after.peers.get('http')).toEqual(['sock']);
    expect(after.stale.size).toBe(0);
  });

  test('read again and still another process: the pair splits, and stays split', () => {
    const before = groupSameProcess([reading('http'), reading('sock')]);
    const other = reading('sock', { pid: 5000, uptimeSec: 2, readAt: T + 30_000 });
    const during = groupSameProcess([reading('http'), other], before);
    const reread = reading('http', { uptimeSec: 131, readAt: T + 31_000 });
    const after = groupSameProcess([reread, other], during);
    expect(after.peers.size).toBe(0);
    expect(after.stale.size).toBe(0);
    // Now the socket's reading is the older one: no stickiness any more (no ping-pong).
    const later = groupSameProcess([reread, { ...other, readAt: T + 32_000, uptimeSec: 4 }], after);
    expect(later.peers.size).toBe(0);
  });

  test('never grouped before: differing readings are simply two processes', () => {
    const found = groupSameProcess([reading('a'), reading('b', { pid: 1, readAt: T + 5_000 })]);
    expect(found.peers.size).toBe(0);
    expect(found.stale.size).toBe(0);
  });
});

describe('countedSources', () => {
  const peers = new Map([
    ['http', ['sock']],
    ['sock', ['http']],
  ]);
  test.each([
    ['both answer: the first in config order', true, true, ['http', 'standby']],
    ['the first fails: the one that answers', false, true, ['sock', 'standby']],
    ['both fail: the first', false, false, ['http', 'standby']],
  ] as const)('%s', (_what, httpOk, sockOk, counted) => {
    const sources = [
      { name: 'http', ok: httpOk, hasData: true },
      { name: 'sock', ok: sockOk, hasData: true },
      { name: 'standby', ok: false, hasData: false },
    ];
    expect([...countedSources(sources, peers)].sort()).toEqual(counted);
  });

  test('a failing first source that never answered gives way to one with data', () => {
    const sources = [
      { name: 'http', ok: false, hasData: false },
      { name: 'sock', ok: false, hasData: true },
    ];
    expect([...countedSources(sources, peers)]).toEqual(['sock']);
  });
});
