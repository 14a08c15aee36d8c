import { expect, test } from 'vitest';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { parseConfig } from '@/lib/config/parse-config';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { Backend, ServerStatus } from '@/lib/health/types';
import { alertTarget } from '@/lib/alerts/types';
import { httpRates } from '@/lib/testing/http-rates';
import { DEFAULT_RETENTION, openStore, type Store } from '@/lib/store';
import { AlertEngine } from './alert-engine';
import { initialSourceState, type SourceState } from '@/lib/collector/source-state';

const config = parseConfig({
  HAPROXY_STATS_URL: 'main=http://h:1/stats',
  POLL_INTERVAL_MS: '1000',
  ALERT_DOWN_GRACE_MS: '3000',
});

function backendWith(status: ServerStatus, checkDowns: number): Backend {
  const server = syntheticServer('agent1', {
    status,
    checkDowns,
    checkFailures: checkDowns * 2,
    pool: 'pool-a',
    check: { ...syntheticServer('x', { status }).check, status: status === 'UP' ? 'L7OK' : 'L7STS' },
  });
  return {
    ...syntheticBackend('main', 'codeserver', [server]),
    activeUp: status === 'UP' ? 1 : 0,
    activeTotal: 1,
    backupUp: 1,
    backupTotal: 1,
    servingFromBackup: status !== 'UP',
    noUsableServer: false,
  };
}

/** A store in memory, as the engine's tests had a bare connection: no maintenance of its own. */
const memoryStore = () => openStore(':memory:', DEFAULT_RETENTION, Date.now, { maintain: false });
const listAlerts = async (store: Store, resolvedSince: number, now: number) =>
  (await store.alerts.alertCenter(resolvedSince, now)).alerts;

function engineOn(store: Store) {
  const state: SourceState = { ...initialSourceState(config.sources[0]!), ok: true };
  const engine = new AlertEngine(config, { store, pools: () => [] });
  const events: AlertEventDto[] = [];
  engine.subscribe((event) => events.push(event));
  let downs = 0;
  const poll = (status: ServerStatus, at: number) => {
    if (status === 'DOWN') downs++;
    state.backends = [backendWith(status, downs)];
    return engine.onPoll(
      { state, at, result: { backends: state.backends, frontends: [], info: null, bytes: 0 } },
      [state],
    );
  };
  return { engine, events, poll };
}

/** A 3-polls-up, 3-polls-down flap, then steady UP. */
const flapThenSteady = async (poll: (s: ServerStatus, at: number) => Promise<void>) => {
  let t = 0;
  for (let i = 0; i < 24; i++) await poll(Math.floor(i / 3) % 2 ? 'DOWN' : 'UP', (t += 1000));
  for (let i = 0; i < 30; i++) await poll('UP', (t += 1000));
};

test('a flapping server fires one flapping alert with a readable summary, resolved after the hysteresis', async () => {
  const { events, poll } = engineOn(memoryStore());
  await flapThenSteady(poll);
  const flapping = events.filter((e) => e.kind === 'flapping');
  expect(flapping.map((e) => [e.change, e.state])).toEqual([
    ['fired', 'firing'],
    ...flapping.slice(1, -1).map(() => ['updated', 'firing']),
    ['resolved', 'resolved'],
  ]);
  expect(flapping[0]!.summary).toMatch(/^agent1 in pool-a flapped \d+ times in \d+ s, check L7/);
  expect(flapping[0]!.notify).toBe(true);
  // Each DOWN stretch is shorter than the 3 s grace, and the outages of a flapping server are the flap's:
  // nothing but the flapping alert reaches people.
  expect(events.filter((e) => e.kind !== 'flapping' && e.notify)).toEqual([]);
});

test('the event log replays everything after a Last-Event-ID, and a new engine carries firing alerts over', async () => {
  const store = memoryStore();
  const first = engineOn(store);
  let t = 0;
  for (const status of ['UP', 'DOWN', 'DOWN', 'DOWN', 'DOWN'] as const) await first.poll(status, (t += 1000));
  const firedDown = first.events.find((e) => e.kind === 'down' && e.change === 'fired')!;
  expect(firedDown).toBeDefined();
  expect((await store.alerts.eventsAfter(firedDown.seq - 1)).map((e) => e.seq)).toContain(firedDown.seq);
  // "Restart": a new engine on the same store; the server comes back, the same alert resolves.
  const second = engineOn(store);
  await second.poll('UP', (t += 1000));
  const resolved = second.events.find((e) => e.kind === 'down' && e.change === 'resolved')!;
  expect(resolved.id).toBe(firedDown.id);
  expect(resolved.seq).toBeGreaterThan(firedDown.seq);
  expect((await listAlerts(store, 0, t)).find((a) => a.id === firedDown.id)!.state).toBe('resolved');
});

test('unsubscribing leaves no listener behind', () => {
  const { engine } = engineOn(memoryStore());
  const stop = engine.subscribe(() => {});
  expect(engine.listenerCount).toBe(2);
  stop();
  expect(engine.listenerCount).toBe(1);
});

/** One backend `web` with one server `web1` in pool-a that served a second ago, at these 5xx/2xx rates. */
function trafficBackend(t: {
  http5xx: number;
  http2xx: number;
  responseMs: number;
  down?: boolean;
}): Backend {
  const server = syntheticServer('web1', {
    status: t.down ? 'DOWN' : 'UP',
    pool: 'pool-a',
    lastSessionSec: 1,
    times: { queueMs: 0, connectMs: 1, responseMs: t.responseMs, totalMs: t.responseMs + 1 },
  });
  return {
    ...syntheticBackend('main', 'web', [server]),
    activeUp: t.down ? 0 : 1,
    activeTotal: 1,
    noUsableServer: t.down === true,
    rates: httpRates({ http2xx: t.http2xx, http5xx: t.http5xx }),
  };
}

function trafficEngine(settings: Record<string, string>, store = memoryStore()) {
  const cfg = parseConfig({
    HAPROXY_STATS_URL: 'main=http://h:1/stats',
    POLL_INTERVAL_MS: '1000',
    ...settings,
  });
  const state: SourceState = { ...initialSourceState(cfg.sources[0]!), ok: true };
  const engine = new AlertEngine(cfg, { store, pools: () => [] });
  const events: AlertEventDto[] = [];
  engine.subscribe((event) => events.push(event));
  const poll = (backend: Backend, at: number) => {
    state.backends = [backend];
    return engine.onPoll(
      { state, at, result: { backends: [backend], frontends: [], info: null, bytes: 0 } },
      [state],
    );
  };
  return { engine, events, poll, store };
}

test.each([
  // 5xx/s, 2xx/s, rtime ms → firing kinds, with ALERT_HTTP_5XX_PCT 20, ALERT_HTTP_5XX_MIN_RATE 0.5, ALERT_RESPONSE_TIME_MS 200
  [1, 4, 199, ['http-5xx']], // 20 %
  [1, 4.1, 200, ['response-time']], // 19.6 %
  [0.4, 0.6, 100, []], // 40 %, but 0.4/s
  [0.5, 0.5, 100, ['http-5xx']],
])(
  'the thresholds come from the config: %d 5xx/s, %d 2xx/s, rtime %i ms → %j',
  async (http5xx, http2xx, responseMs, kinds) => {
    const { engine, poll } = trafficEngine({
      ALERT_DOWN_GRACE_MS: '0',
      ALERT_HTTP_5XX_PCT: '20',
      ALERT_HTTP_5XX_MIN_RATE: '0.5',
      ALERT_RESPONSE_TIME_MS: '200',
    });
    await poll(trafficBackend({ http5xx, http2xx, responseMs }), 1000);
    expect(engine.firing().map((a) => a.kind)).toEqual(kinds);
  },
);

test('5xx and slow responses fire after ALERT_DOWN_GRACE_MS; once the backend is down they are grouped under it', async () => {
  const { events, poll, store } = trafficEngine({ ALERT_DOWN_GRACE_MS: '3000' });
  const errors = { http5xx: 1.2, http2xx: 4, responseMs: 1500 };
  for (const at of [1000, 2000, 3000, 4000]) await poll(trafficBackend(errors), at);
  for (const at of [5000, 6000, 7000, 8000])
    await poll(trafficBackend({ ...errors, http5xx: 4, down: true }), at);
  const alerts = await listAlerts(store, 0, 8000);
  const ids = Object.fromEntries(alerts.map((a) => [a.kind + (a.target.server ?? ''), a]));
  expect(ids['http-5xx']).toMatchObject({
    state: 'firing',
    inhibitedBy: ids.down!.id,
    groupId: ids.down!.id,
  });
  expect(ids['response-timeweb1']).toMatchObject({ inhibitedBy: ids.downweb1!.id });
  // Healthy again: rtime resolves at once; the 5xx share is judged over the last minute, so that alert stands
  // (no longer under the backend's down alert) until a minute of clean traffic has passed.
  await poll(trafficBackend({ http5xx: 0, http2xx: 4, responseMs: 900 }), 9000);
  await poll(trafficBackend({ http5xx: 0, http2xx: 4, responseMs: 900 }), 9000 + 60_000);

  const traffic = events.filter((e) => e.kind === 'http-5xx' || e.kind === 'response-time');
  expect(traffic.map((e) => [e.kind, e.change, e.notify, e.summary])).toEqual([
    ['http-5xx', 'fired', true, 'web: 23 % of responses are 5xx (1.2/s)'],
    ['response-time', 'fired', true, 'web1 in pool-a: average response time 1500 ms (threshold 1000 ms)'],
    // The backend goes down and its server too: their alerts group these. The 5xx share moved to 50 %, but a
    // summary is saved again only 30 s after the last save (SUMMARY_REFRESH_MS), so it still reads 23 %.
    ['http-5xx', 'updated', false, 'web: 23 % of responses are 5xx (1.2/s)'],
    ['response-time', 'updated', false, 'web1 in pool-a: average response time 1500 ms (threshold 1000 ms)'],
    ['http-5xx', 'updated', true, 'web: 23 % of responses are 5xx (1.2/s)'],
    ['response-time', 'resolved', false, 'web1 in pool-a: average response time 1500 ms (threshold 1000 ms)'],
    ['http-5xx', 'resolved', true, 'web: 23 % of responses are 5xx (1.2/s)'],
  ]);
  expect(events.filter((e) => e.kind === 'down').map((e) => [e.target.server, e.change, e.notify])).toEqual([
    [null, 'fired', true],
    ['web1', 'fired', true],
    [null, 'resolved', true],
    ['web1', 'resolved', true],
  ]);
});

test("a mute of the backend silences its 5xx and its servers' response-time alerts", async () => {
  const store = memoryStore();
  await store.alerts.addMute(alertTarget({ instance: 'main', backend: 'web' }), 60_000, 'deploy', 0);
  const { events, poll } = trafficEngine({ ALERT_DOWN_GRACE_MS: '0' }, store);
  await poll(trafficBackend({ http5xx: 3, http2xx: 1, responseMs: 4000 }), 1000);
  expect(events.map((e) => [e.kind, e.change, e.notify])).toEqual([
    ['http-5xx', 'fired', false],
    ['response-time', 'fired', false],
  ]);
});

test('a grouped 5xx alert carried over a restart stays as it was: no update, still under its down alert', async () => {
  const first = trafficEngine({ ALERT_DOWN_GRACE_MS: '0' });
  const outage = trafficBackend({ http5xx: 4, http2xx: 4, responseMs: 100, down: true });
  await first.poll(outage, 1000);
  await first.poll(outage, 2000);
  const second = trafficEngine({ ALERT_DOWN_GRACE_MS: '0' }, first.store);
  await second.poll(outage, 3000);
  expect(second.events).toEqual([]);
  const alerts = await listAlerts(first.store, 0, 3000);
  const down = alerts.find((a) => a.kind === 'down')!;
  expect(alerts.find((a) => a.kind === 'http-5xx')).toMatchObject({ state: 'firing', inhibitedBy: down.id });
});

test('a quiet backend with a steady 20 % of 5xx fires: its share is judged over the last minute, not per poll', async () => {
  // 1 request a second, polled every 2 s, 2 of every 10 requests a 5xx: of each five intervals two hold one error
  // and three none, so a per-interval share (50 %, 0 %, 50 %, 0 %, 0 % …) would restart the 10 s grace each time.
  const { engine, poll } = trafficEngine({ POLL_INTERVAL_MS: '2000' });
  const firing: number[] = [];
  for (let at = 2000; at <= 40_000; at += 2000) {
    const errorsPerSec = [1, 3].includes((at / 2000) % 5) ? 0.5 : 0;
    await poll(trafficBackend({ http5xx: errorsPerSec, http2xx: 1 - errorsPerSec, responseMs: 10 }), at);
    if (engine.firing().some((a) => a.kind === 'http-5xx')) firing.push(at);
  }
  // The window starts at 2 s; from the first error (interval ending at 6 s) its share stays ≥ 20 % and its rate
  // ≥ 0.125/s (1 in 4 s, 1 in 8 s, 2 in 10 s …), above the 5 % and 0.1/s defaults: pending from 6 s, firing once
  // ALERT_DOWN_GRACE_MS (10 s) has passed, and on to the end.
  expect(firing).toEqual(Array.from({ length: 13 }, (_, i) => 16_000 + i * 2000));
});
