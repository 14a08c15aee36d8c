import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import { SourceError } from '@/lib/haproxy/source-error';
import { toProxies } from '@/lib/haproxy/to-backends';
import type { PollResult } from '@/lib/haproxy/poll-result';
import { FakeClock } from '@/lib/testing/fake-clock';
import { Collector, type PollSource } from './collector';
import { parseRelayedPoll, relayedPoll } from './relayed-poll';
import { snapshotJson } from '@/lib/snapshot/server/snapshot-json';

const HEADER =
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,status,weight,act,bck,chkfail,chkdown,lastchg,type,check_status,';
const GOOD_CSV = `${HEADER}\nbe,agent1,0,0,1,2,,10,UP,1,1,0,0,0,5,2,L7OK,\nbe,BACKEND,0,0,1,2,,10,UP,1,1,0,,0,5,1,,\n`;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/good': (_req, res) => res.end(GOOD_CSV),
  '/auth': (req, res) => {
    if (req.headers.authorization === `Basic ${Buffer.from('admin:right').toString('base64')}`)
      return res.end(GOOD_CSV);
    res.writeHead(401, { 'www-authenticate': 'Basic realm="HAProxy Statistics"' }).end('401 Unauthorized');
  },
  '/html': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login</body></html>'),
  '/truncated': (_req, res) => {
    res.writeHead(200, { 'content-length': String(GOOD_CSV.length + 500) });
    res.write(GOOD_CSV.slice(0, GOOD_CSV.length - 20));
    setTimeout(() => res.destroy(), 20);
  },
  '/cut': (_req, res) => res.end(GOOD_CSV.slice(0, GOOD_CSV.indexOf('be,BACKEND') + 12)),
  '/hang': () => undefined,
  '/500': (_req, res) => res.writeHead(500).end('oops'),
};
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split(/[;?]/)[0]!;
    (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const configFor = (sources: string, intervalMs = 300, timeoutMs = 250) =>
  parseConfig({
    HAPROXY_STATS_URL: sources,
    POLL_INTERVAL_MS: String(intervalMs),
    POLL_TIMEOUT_MS: String(timeoutMs),
  });

/** Resolves once every source has been polled at least once (real I/O: the sources are real HTTP servers). */
function firstPollOfEach(collector: Collector): Promise<void> {
  const seen = new Set<string>();
  return new Promise((resolve) => {
    collector.onPoll(({ state }) => {
      seen.add(state.source.name);
      if (seen.size === collector.states.length) resolve();
    });
  });
}

const goodPoll = (instance: string): PollResult => ({
  ...toProxies(parseStatsCsv(GOOD_CSV), instance),
  info: null,
  bytes: GOOD_CSV.length,
  csv: GOOD_CSV,
});

/** A poll function that answers from a table by source name, at once, and counts calls. */
function fakePoll(answer: (name: string) => PollResult | SourceError) {
  const calls: Record<string, number[]> = {};
  let clock: FakeClock;
  const poll: PollSource = async (source) => {
    (calls[source.name] ??= []).push(clock.now());
    const result = answer(source.name);
    if (result instanceof SourceError) throw result;
    return result;
  };
  return { poll, calls, bind: (c: FakeClock) => (clock = c) };
}

test('each failing source gets its own clear error while the good one stays live', async () => {
  const clock = new FakeClock();
  const collector = new Collector(
    configFor(
      [
        `good=http://${base}/good`,
        `badauth=http://admin:wrong-pass@${base}/auth`,
        `html=http://${base}/html`,
        `truncated=http://${base}/truncated`,
        `cut=http://${base}/cut`,
        `hang=http://${base}/hang`,
        `oops=http://${base}/500`,
        'down=http://127.0.0.1:18397/stats',
        'sock=unix:/nonexistent/haproxy.sock',
      ].join(','),
    ),
    { clock },
  );
  const polled = firstPollOfEach(collector);
  collector.start();
  await clock.advance(0);
  await polled;
  collector.stop();
  const byName = Object.fromEntries(collector.states.map((s) => [s.source.name, s]));
  expect(byName.good).toMatchObject({ ok: true, error: null });
  expect(byName.good!.backends![0]!.servers[0]!.name).toBe('agent1');
  expect(byName.badauth!.error).toMatchObject({
    kind: 'auth',
    message: expect.stringContaining('check the credentials'),
  });
  expect(byName.html!.error).toMatchObject({ kind: 'not-csv' });
  expect(byName.truncated!.error!.kind).toBe('truncated');
  expect(byName.cut!.error!.kind).toBe('truncated');
  expect(byName.hang!.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('250 ms') });
  expect(byName.oops!.error).toMatchObject({ kind: 'http', message: 'HTTP 500 Internal Server Error' });
  expect(byName.down!.error).toMatchObject({
    kind: 'unreachable',
    message: expect.stringContaining('refused'),
  });
  expect(byName.sock!.error).toMatchObject({ kind: 'socket', message: expect.stringContaining('not found') });
  const json = snapshotJson(collector, Date.now());
  expect(json).not.toContain('wrong-pass');
  expect(JSON.parse(json).instances).toHaveLength(9);
});

test('a failing source backs off; a healthy one keeps the interval', async () => {
  const clock = new FakeClock();
  const fake = fakePoll((name) => (name === 'good' ? goodPoll(name) : new SourceError('http', 'HTTP 500')));
  fake.bind(clock);
  const collector = new Collector(configFor('good=http://a/good,oops=http://b/500', 250), {
    clock,
    poll: fake.poll,
  });
  const start = clock.now();
  collector.start();
  await clock.advance(2100);
  collector.stop();
  const offsets = (name: string) => fake.calls[name]!.map((at) => at - start);
  // healthy: every interval; failing: 250 ms, then doubling (250 · 2^(failures-1)) → 0, 250, 750, 1750
  expect(offsets('good')).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  expect(offsets('oops')).toEqual([0, 250, 750, 1750]);
  expect(collector.states[1]!.consecutiveFailures).toBe(4);
  expect(collector.states[1]!.nextPollAt! - start).toBe(1750 + 2000);
});

test('polls of one source never overlap, even when each takes longer than the interval', async () => {
  const clock = new FakeClock();
  let inFlight = 0;
  let maxInFlight = 0;
  const started: number[] = [];
  const slowPoll: PollSource = (source) =>
    new Promise((resolve) => {
      started.push(clock.now());
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      clock.setTimeout(() => {
        inFlight--;
        resolve(goodPoll(source.name));
      }, 400);
    });
  const collector = new Collector(configFor('slow=http://a/slow', 250, 1000), { clock, poll: slowPoll });
  const start = clock.now();
  collector.start();
  await clock.advance(1500);
  collector.stop();
  expect(maxInFlight).toBe(1);
  // each poll takes 400 ms > the 250 ms interval: the next one starts when the last ended, not earlier
  expect(started.map((at) => at - start)).toEqual([0, 400, 800, 1200]);
  expect(collector.states[0]!.ok).toBe(true);
});

test('a source that fails after succeeding keeps its last backends', async () => {
  const clock = new FakeClock();
  let healthy = true;
  const fake = fakePoll((name) =>
    healthy ? goodPoll(name) : new SourceError('http', 'HTTP 503 Service Unavailable'),
  );
  fake.bind(clock);
  const collector = new Collector(configFor('flaky=http://a/flaky', 250), { clock, poll: fake.poll });
  collector.start();
  await clock.advance(300);
  healthy = false;
  await clock.advance(600);
  collector.stop();
  const snapshot = JSON.parse(snapshotJson(collector, clock.now()));
  expect(snapshot.instances[0]).toMatchObject({ ok: false, error: 'HTTP 503 Service Unavailable' });
  expect(snapshot.backends).toHaveLength(1);
  expect(snapshot.backends[0].servers[0].name).toBe('agent1');
});

test('rates come from the previous good poll of the same source, over the time between them, across a failure and a reload', async () => {
  const clock = new FakeClock();
  // hrsp_5xx of the backend and its server (req_tot of the frontend is twice it), per poll; null fails the poll.
  const readings: (number | null)[] = [100, 140, null, 220, 30];
  let call = 0;
  const csvWith = (count: number) =>
    `# pxname,svname,status,weight,type,hrsp_5xx,req_tot,\nbe,agent1,UP,1,2,${count},${count},\nbe,BACKEND,UP,1,1,${count},${count},\nwww,FRONTEND,OPEN,,0,${count},${count * 2},\n`;
  const poll: PollSource = async (source) => {
    const count = readings[call++];
    if (count === null || count === undefined) throw new SourceError('http', 'HTTP 503 Service Unavailable');
    return { ...toProxies(parseStatsCsv(csvWith(count)), source.name), info: null, bytes: 0 };
  };
  const collector = new Collector(configFor('lb=http://a/lb', 2000), { clock, poll });
  const seen: { at: number; backend: number | null; server: number | null; frontend: number | null }[] = [];
  collector.onPoll(({ state, at }) => {
    if (!state.ok) return;
    const backend = state.backends![0]!;
    seen.push({
      at,
      backend: backend.rates.http5xx,
      server: backend.servers[0]!.rates.http5xx,
      frontend: state.frontends![0]!.rates.requests,
    });
  });
  collector.start();
  await clock.advance(5 * 2000 + 2000); // the poll after the failure backs off: leave room
  collector.stop();
  expect(seen).toHaveLength(4); // polls past the readings fail
  const [first, second, third, fourth] = seen;
  expect(first).toMatchObject({ backend: null, server: null, frontend: null }); // a first poll has no rate
  expect(second).toMatchObject({ backend: 20, server: 20, frontend: 40 }); // 40 more in 2 s
  // across the failed poll: 80 more since the last good poll, over the whole time since it
  const acrossFailure = 80 / ((third!.at - second!.at) / 1000);
  expect(third!.backend).toBeCloseTo(acrossFailure, 3);
  expect(third!.server).toBeCloseTo(acrossFailure, 3);
  expect(third!.frontend).toBeCloseTo(2 * acrossFailure, 3);
  // 220 → 30: a reload reset the counters; 30 happened within the interval, never a negative rate
  const afterReload = 30 / ((fourth!.at - third!.at) / 1000);
  expect(fourth!.backend).toBeCloseTo(afterReload, 3);
  expect(fourth!.server).toBeCloseTo(afterReload, 3);
  expect(fourth!.frontend).toBeCloseTo(2 * afterReload, 3);
  expect(afterReload).toBeGreaterThan(0);
});

test('two sources of one HAProxy process: peers, one counted; after a reload the page is read again at once', async () => {
  const clock = new FakeClock(1_800_000_000_000);
  const startedAt = clock.now() - 500_000; // the process started 500 s before the test
  let pid = 4242;
  let processStart = startedAt;
  const withInfo: Record<string, boolean[]> = { http: [], sock: [], standby: [] };
  const poll: PollSource = async (source, _timeout, wantInfo) => {
    const readsInfo = source.kind === 'socket' || wantInfo;
    withInfo[source.name]!.push(readsInfo);
    const other = source.name === 'standby';
    const uptimeSec = Math.floor((clock.now() - (other ? startedAt : processStart)) / 1000);
    const info = { version: '2.6.12', pid: other ? 99 : pid, uptimeSec, nodeName: null };
    return { ...goodPoll(source.name), info: readsInfo ? info : null };
  };
  const collector = new Collector(
    configFor('http=http://a/stats,sock=unix:/run/haproxy.sock,standby=http://b/stats', 2000),
    { clock, poll },
  );
  collector.start();
  await clock.advance(4000);
  const [http, sock, standby] = collector.states;
  expect(http).toMatchObject({ sameProcessAs: ['sock'], counted: true });
  expect(sock).toMatchObject({ sameProcessAs: ['http'], counted: false });
  expect(standby).toMatchObject({ sameProcessAs: [], counted: true });
  expect(withInfo.http).toEqual([true, false, false]); // the page is read once a minute …

  pid = 5555; // a reload: a new worker, started now
  processStart = clock.now();
  await clock.advance(2000);
  // … but the socket saw the new worker after the page's poll: the pair holds, and the page is due a read …
  expect(http).toMatchObject({ sameProcessAs: ['sock'], counted: true, infoStale: true });
  expect(sock).toMatchObject({ sameProcessAs: ['http'], counted: false });
  await clock.advance(2000);
  // … which its next poll makes, and the pair is confirmed on the new worker.
  expect(withInfo.http).toEqual([true, false, false, false, true]);
  expect(http).toMatchObject({ sameProcessAs: ['sock'], counted: true, infoStale: false });
  expect(http!.info?.pid).toBe(5555);
  collector.stop();
});

test("a follower takes the leader's polls, through JSON, under its generations, and polls nothing itself", async () => {
  const clockA = new FakeClock();
  const clockB = new FakeClock();
  const fakeA = fakePoll((name) => goodPoll(name));
  const fakeB = fakePoll((name) => goodPoll(name));
  fakeA.bind(clockA);
  fakeB.bind(clockB);
  const config = configFor('lb1=http://a/good,lb2=http://b/500', 250);
  const leader = new Collector(config, { clock: clockA, poll: fakeA.poll }, 'A');
  const decorated: string[] = [];
  const follower = new Collector(config, {
    clock: clockB,
    poll: fakeB.poll,
    decorate: (backends, instance) => decorated.push(`${instance}:${backends.length}`),
  });
  const relayed: string[] = [];
  leader.onPoll((event) =>
    relayed.push(
      JSON.stringify(relayedPoll(event.state, event.result, event.at, leader.term, leader.generation)),
    ),
  );
  const heard: { source: string; relayed: boolean | undefined; generation: number }[] = [];
  follower.onPoll((event) =>
    heard.push({ source: event.state.source.name, relayed: event.relayed, generation: follower.generation }),
  );
  leader.start();
  await clockA.advance(0);
  await clockA.advance(250);
  leader.stop();
  expect(relayed).toHaveLength(4);

  for (const body of relayed) expect(follower.followPoll(parseRelayedPoll(body)!)).toBe(true);
  expect(follower.term).toBe('A');
  expect(follower.generation).toBe(leader.generation);
  expect(heard.map((h) => `${h.source} ${h.generation} ${h.relayed}`)).toEqual([
    'lb1 1 true',
    'lb2 2 true',
    'lb1 3 true',
    'lb2 4 true',
  ]);
  // What the follower shows is the leader's: states, servers with their figures, process groups.
  const shown = (c: Collector) =>
    c.states.map((state) => JSON.parse(JSON.stringify({ ...state, nextPollAt: null })) as unknown);
  expect(shown(follower)).toEqual(shown(leader));
  expect(decorated).toEqual(['lb1:1', 'lb2:1', 'lb1:1', 'lb2:1']);
  expect(fakeB.calls).toEqual({});
  // An old poll, again, or one for a source it does not have, changes nothing.
  expect(follower.followPoll(parseRelayedPoll(relayed[1]!)!)).toBe(false);
  expect(follower.followPoll({ ...parseRelayedPoll(relayed[3]!)!, generation: 9, source: 'other' })).toBe(
    false,
  );
  expect(parseRelayedPoll('{"term":"A"')).toBeNull();
  expect(parseRelayedPoll('{"term":"A","generation":1}')).toBeNull();
});

test('a new leader polls on after the last generation published, under its own term; one that pauses drops its poll in flight', async () => {
  const clock = new FakeClock();
  let release: () => void = () => {};
  const fake = fakePoll((name) => goodPoll(name));
  fake.bind(clock);
  const slow: PollSource = (source, timeout, info) =>
    new Promise((resolve) => (release = () => resolve(fake.poll(source, timeout, info))));
  const collector = new Collector(configFor('lb1=http://a/good', 250), { clock, poll: slow }, 'boot');
  const polls: number[] = [];
  collector.onPoll(() => polls.push(collector.generation));
  expect(collector.leading).toBe(false);

  collector.lead('term2', 41);
  expect(collector).toMatchObject({ leading: true, term: 'term2', generation: 41 });
  await clock.advance(0);
  release();
  await clock.advance(0);
  expect(polls).toEqual([42]);

  await clock.advance(250);
  collector.pause();
  release();
  await clock.advance(1000);
  expect(polls).toEqual([42]);
  expect(collector.leading).toBe(false);
  expect(fake.calls.lb1).toHaveLength(2);
});
