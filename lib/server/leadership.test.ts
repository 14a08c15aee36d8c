// Leadership's own decisions, over a coordination that says what a test tells it (the real one, on PostgreSQL, is
// leadership.postgres.test.ts): a store of its own leads at once; a follower that hears no poll for two intervals
// plus the lease says so in health, and stops saying so once a poll comes; a leader that cannot confirm its lead
// stops polling.
import { gzipSync } from 'node:zlib';
import { afterEach, expect, test, vi } from 'vitest';
import { Collector } from '@/lib/collector/collector';
import { relayedPoll } from '@/lib/collector/relayed-poll';
import { parseConfig } from '@/lib/config/parse-config';
import {
  localCoordination,
  type CoordinationNotice,
  type RelayedRecord,
  type StoreCoordination,
} from '@/lib/store';
import { Leadership } from './leadership';

const CSV =
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,status,weight,act,bck,chkfail,chkdown,lastchg,type,check_status,\n' +
  'be,agent1,0,0,1,2,,10,UP,1,1,0,0,0,5,2,L7OK,\nbe,BACKEND,0,0,1,2,,10,UP,1,1,0,,0,5,1,,\n';
const config = parseConfig({ HAPROXY_STATS_URL: 'lb=http://127.0.0.1:9/stats', POLL_INTERVAL_MS: '1000' });

class TestCoordination implements StoreCoordination {
  readonly shared = true;
  lead = false;
  records: RelayedRecord[] = [];
  private listener: (notice: CoordinationNotice) => void = () => {};
  tryLead = async () => this.lead;
  confirmLead = async () => this.lead;
  releaseLead = async () => {};
  publishPoll = async (record: RelayedRecord) => void this.records.push(record);
  pollsAfter = async (generation: number) => this.records.filter((r) => r.generation > generation);
  lastPublished = async () => this.records.at(-1)?.generation ?? 0;
  listen = (listener: (notice: CoordinationNotice) => void) => {
    this.listener = listener;
    return () => {};
  };
  close = async () => {};
  tell(notice: CoordinationNotice) {
    this.listener(notice);
  }
}

let now = 1_000_000;
const running: Leadership[] = [];
afterEach(async () => {
  for (const leadership of running.splice(0)) await leadership.stop();
  vi.useRealTimers();
});

function leadershipOf(coordination: StoreCoordination, collector = new Collector(config)) {
  const leadership = new Leadership({
    coordination,
    collector,
    recording: { forget: vi.fn() },
    alerts: null,
    pollIntervalMs: 1000,
    leaseMs: 5000,
    now: () => now,
  });
  running.push(leadership);
  return { leadership, collector };
}

test('a store of its own: this process leads at once and polls; nothing to say in health', () => {
  const { leadership, collector } = leadershipOf(localCoordination);
  leadership.start();
  expect(leadership.status()).toMatchObject({ role: 'leader', shared: false });
  expect(collector.leading).toBe(true);
  expect(leadership.problem()).toBeNull();
  collector.stop();
});

test('a follower that hears no poll for two intervals plus the lease says so, until one comes', async () => {
  vi.useFakeTimers();
  const coordination = new TestCoordination();
  const { leadership, collector } = leadershipOf(coordination);
  leadership.start();
  await vi.advanceTimersByTimeAsync(2000);
  expect(leadership.status().role).toBe('follower');
  expect(collector.leading).toBe(false);

  now += 2 * 1000 + 5000;
  expect(leadership.problem()).toBeNull();
  now += 1000;
  expect(leadership.problem()).toBe(
    'Replicas: this replica follows, and no replica has published a poll for 8 s — the dashboard here is not ' +
      'updated (check the other replicas and the database; a replica leads once it holds the database lock)',
  );

  // The leader publishes a poll: the follower takes it, and the problem is gone.
  const state = { ...collector.states[0]!, ok: true, lastPollAt: now, lastSuccessAt: now };
  const poll = relayedPoll(
    state,
    { backends: [], frontends: [], info: null, bytes: 0, csv: CSV },
    now,
    'T',
    7,
  );
  coordination.records.push({ generation: 7, body: gzipSync(JSON.stringify(poll)) });
  coordination.tell({ kind: 'poll', generation: 7 });
  await vi.advanceTimersByTimeAsync(10);
  await vi.waitFor(() => expect(collector.generation).toBe(7));
  expect(collector.term).toBe('T');
  expect(collector.states[0]!.backends?.[0]?.servers.map((s) => s.name)).toEqual(['agent1']);
  expect(leadership.problem()).toBeNull();

  // A leader polling a source this replica does not have: the problem says so.
  const other = relayedPoll({ ...state, source: { ...state.source, name: 'elsewhere' } }, null, now, 'T', 8);
  coordination.records.push({ generation: 8, body: gzipSync(JSON.stringify(other)) });
  coordination.tell({ kind: 'poll', generation: 8 });
  await vi.advanceTimersByTimeAsync(10);
  now += 8000;
  await vi.waitFor(() =>
    expect(leadership.problem()).toBe(
      'Replicas: the leader polls source "elsewhere", which this replica does not have — every replica on one ' +
        'DATABASE_URL needs the same HAPROXY_STATS_URL; the dashboard here is not updated',
    ),
  );
});

test('a follower takes the lead once it can, after the last published generation; it steps down when it loses it', async () => {
  vi.useFakeTimers();
  const coordination = new TestCoordination();
  coordination.records.push({ generation: 41, body: gzipSync('not a poll') });
  const forget = vi.fn();
  const collector = new Collector(config, { poll: () => new Promise(() => {}) });
  const leadership = new Leadership({
    coordination,
    collector,
    recording: { forget },
    alerts: null,
    pollIntervalMs: 1000,
    leaseMs: 5000,
    now: () => now,
  });
  running.push(leadership);
  vi.spyOn(console, 'log').mockImplementation(() => {});
  leadership.start();
  await vi.advanceTimersByTimeAsync(1000);
  expect(leadership.status().role).toBe('follower');

  coordination.lead = true;
  await vi.advanceTimersByTimeAsync(1000);
  await vi.waitFor(() => expect(leadership.status().role).toBe('leader'));
  expect(leadership.takeovers).toBe(1);
  expect(forget).toHaveBeenCalledTimes(1);
  // The damaged record was skipped, not taken; the generations go on after it.
  expect(collector).toMatchObject({ leading: true, generation: 41 });
  expect(collector.term).not.toBe('local');

  coordination.lead = false;
  await vi.advanceTimersByTimeAsync(1000);
  expect(leadership.status().role).toBe('follower');
  expect(collector.leading).toBe(false);
  collector.stop();
});
