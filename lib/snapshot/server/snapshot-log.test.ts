// The snapshot's change log on a real Collector (its poll fed from CSV text that changes as HAProxy's would): the
// changes a tab receives rebuild, poll after poll, what a fresh snapshot of the same poll says; a tab that comes
// back replays what it missed; one too far behind, or from before a restart, is told to reset.
import { expect, test } from 'vitest';
import type { SnapshotDto } from '@/lib/api/snapshot-dto';
import { SnapshotDeltaSchema } from '@/lib/api/schemas/snapshot-stream';
import { Collector, type PollSource } from '@/lib/collector/collector';
import { parseConfig } from '@/lib/config/parse-config';
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import { toProxies } from '@/lib/haproxy/to-backends';
import { FakeClock } from '@/lib/testing/fake-clock';
import {
  AGE_FIELDS,
  ageSec,
  applyDelta,
  liveSnapshot,
  NUMERIC_PATHS,
  OWN_ROW,
  type LiveSnapshot,
  type SnapshotDelta,
} from '../snapshot-delta';
import { toSnapshotDto } from './snapshot-json';
import { SnapshotLog } from './snapshot-log';
import type { StreamMessage } from '@/lib/sse/event-stream';

const INTERVAL = 2000;
const HEADER = '# pxname,svname,scur,stot,status,weight,act,bck,lastchg,type,check_status,';

/** HAProxy's CSV at `at`: web1 goes DOWN at poll 4, web3 appears at poll 6, stot of web2 grows every poll. */
function csvAt(poll: number, at: number, start: number): string {
  const age = (since: number) => Math.floor((at - since) / 1000);
  const rows = [
    `be,web1,0,10,${poll >= 4 ? 'DOWN' : 'UP'},1,1,0,${poll >= 4 ? age(start + 4 * INTERVAL) : age(start - 600_000)},2,L7OK,`,
    `be,web2,1,${100 + poll * 7},UP,1,1,0,${age(start - 900_000)},2,L7OK,`,
    ...(poll >= 6 ? [`be,web3,0,0,UP,1,1,0,${age(start + 6 * INTERVAL)},2,L7OK,`] : []),
    `be,BACKEND,1,${110 + poll * 7},UP,2,2,0,${age(start - 900_000)},1,,`,
  ];
  return `${HEADER}\n${rows.join('\n')}\n`;
}

function setUp() {
  const clock = new FakeClock(Date.parse('2026-12-06T20:00:00Z'));
  const start = clock.now();
  let polls = 0;
  const poll: PollSource = async (source) => ({
    ...toProxies(parseStatsCsv(csvAt(polls++, clock.now(), start)), source.name),
    info: null,
    bytes: 0,
  });
  const config = parseConfig({ HAPROXY_STATS_URL: 'lb=http://lb/stats', POLL_INTERVAL_MS: String(INTERVAL) });
  const collector = new Collector(config, { clock, poll });
  const log = new SnapshotLog(collector, () => clock.now());
  const fresh = (): SnapshotDto =>
    JSON.parse(JSON.stringify(toSnapshotDto(collector.states, INTERVAL, clock.now()))) as SnapshotDto;
  return { clock, collector, log, fresh };
}

/** What a tab shows equals a fresh snapshot but for ages, which are within `tolerance` seconds. */
function expectSame(live: LiveSnapshot, fresh: SnapshotDto, tolerance = 1) {
  const withoutAges = (row: object) => {
    const rest: Record<string, unknown> = { ...row };
    for (const key of ['servers', ...AGE_FIELDS]) delete rest[key];
    return rest;
  };
  const strip = (s: SnapshotDto) =>
    s.backends.map((b) => ({ own: withoutAges(b), servers: b.servers.map(withoutAges) }));
  expect(strip(live.snapshot)).toEqual(strip(fresh));
  expect(live.snapshot.instances).toEqual(fresh.instances);
  expect(live.snapshot.frontends).toEqual(fresh.frontends);
  live.snapshot.backends.forEach((backend, i) => {
    const truth = fresh.backends[i]!;
    const rows = [[backend, truth], ...backend.servers.map((s, j) => [s, truth.servers[j]!])] as const;
    for (const [row, expected] of rows)
      for (const field of AGE_FIELDS) {
        if (expected[field] === null) expect(ageSec(live, row, 'lb', field)).toBeNull();
        else
          expect(Math.abs(ageSec(live, row, 'lb', field)! - expected[field]!)).toBeLessThanOrEqual(tolerance);
      }
  });
}

const deltaOf = (message: StreamMessage<string>) => JSON.parse(message.json!) as SnapshotDelta;

test('a tab that follows the stream shows, after every poll, what a fresh snapshot shows', async () => {
  const { clock, collector, log, fresh } = setUp();
  collector.start();
  await clock.advance(10); // the first poll
  let live = liveSnapshot(fresh(), log.follow());
  const received: StreamMessage<string>[] = [];
  const unsubscribe = log.source().subscribe((message) => received.push(message));
  for (let poll = 1; poll <= 8; poll++) {
    await clock.advance(INTERVAL);
    expect(received).toHaveLength(poll);
    SnapshotDeltaSchema.parse(deltaOf(received.at(-1)!)); // as the OpenAPI document says it is
    live = applyDelta(live, deltaOf(received.at(-1)!))!;
    expect(live).not.toBeNull();
    expectSame(live, fresh());
  }
  // Only web2's session count (and so its backend's) moved in the first polls: that figure, not the row, nor the fleet.
  const early = received.slice(0, 3).map((m) => deltaOf(m).backends);
  for (const patches of early) {
    expect(patches.flatMap((b) => b.servers ?? [])).toEqual([]);
    expect(patches.flatMap((b) => b.figures ?? [])).toEqual([
      OWN_ROW,
      NUMERIC_PATHS.indexOf('sessions.total'),
      expect.any(Number), // the backend's own session count
      1,
      NUMERIC_PATHS.indexOf('sessions.total'),
      expect.any(Number), // web2's
    ]);
  }
  // web1 going DOWN changes more than numbers: its row goes whole.
  expect(deltaOf(received[3]!).backends.flatMap((b) => (b.servers ?? []).map((s) => s.name))).toContain(
    'web1',
  );
  expect(live.snapshot.backends[0]!.servers.map((s) => `${s.name} ${s.status}`)).toEqual([
    'web1 DOWN',
    'web2 UP',
    'web3 UP',
  ]);
  unsubscribe();
  collector.stop();
});

test('a tab that comes back replays what it missed, a page at a time, and goes on live', async () => {
  const { clock, collector, log, fresh } = setUp();
  collector.start();
  await clock.advance(10);
  let live = liveSnapshot(fresh(), log.follow());
  const idle = log.source().subscribe(() => {}); // another tab keeps the log running
  await clock.advance(5 * INTERVAL);
  let cursor = live.id;
  for (;;) {
    const page = log.source().backlog(cursor);
    if (page.length === 0) break;
    for (const message of page) {
      expect(message.event).toBe('delta');
      live = applyDelta(live, deltaOf(message))!;
      cursor = message.id;
    }
  }
  expectSame(live, fresh());
  expect(log.knows(cursor)).toBe(true);
  idle();
  collector.stop();
});

test('an id the log no longer holds, or one from before a restart, gets a reset saying why', async () => {
  const { clock, collector, log } = setUp();
  collector.start();
  await clock.advance(10);
  const first = log.follow();
  await clock.advance(INTERVAL);
  const [tooOld] = log.source().backlog(`${collector.term}.-5`);
  expect(tooOld).toMatchObject({
    event: 'reset',
    data: { reason: expect.stringContaining('too far behind') },
  });
  const [restarted] = log.source().backlog(`OtherBoot.${collector.generation}`);
  expect(restarted).toMatchObject({ event: 'reset', data: { reason: expect.stringContaining('restarted') } });
  expect(log.knows(first)).toBe(true);
  expect(log.knows(`OtherBoot.${collector.generation}`)).toBe(false);
  collector.stop();
});

test('with no tab for five minutes the log stops diffing, and starts afresh on the next read', async () => {
  const { clock, collector, log } = setUp();
  collector.start();
  await clock.advance(10);
  const first = log.follow();
  await clock.advance(6 * 60_000);
  expect(log.knows(first)).toBe(false); // idle: dropped
  const again = log.follow();
  expect(again).toBe(`${collector.term}.${collector.generation}`);
  expect(log.source().backlog(again)).toEqual([]); // caught up: live from here
  collector.stop();
});
