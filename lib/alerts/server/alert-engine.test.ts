import { expect, test } from 'vitest';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { parseConfig } from '@/lib/config/parse-config';
import type { Backend, Server, ServerStatus } from '@/lib/health/types';
import { eventsAfter, listAlerts } from '@/lib/store/alert-store';
import { openHistoryDb, type HistoryDb } from '@/lib/store/db';
import { AlertEngine } from './alert-engine';
import { initialSourceState, type SourceState } from '@/lib/collector/source-state';

const config = parseConfig({
  HAPROXY_STATS_URL: 'main=http://h:1/stats',
  POLL_INTERVAL_MS: '1000',
  ALERT_DOWN_GRACE_MS: '3000',
});

function backendWith(status: ServerStatus, checkDowns: number): Backend {
  const server = {
    name: 'agent1',
    status,
    transition: null,
    backup: false,
    weight: 1,
    checkDowns,
    checkFailures: checkDowns * 2,
    pool: 'pool-a',
    check: { status: status === 'UP' ? 'L7OK' : 'L7STS', code: status === 'UP' ? 200 : 503 },
  } as unknown as Server;
  return {
    instance: 'main',
    name: 'codeserver',
    servers: [server],
    activeUp: status === 'UP' ? 1 : 0,
    activeTotal: 1,
    backupUp: 1,
    backupTotal: 1,
    servingFromBackup: status !== 'UP',
    noUsableServer: false,
  } as unknown as Backend;
}

function engineOn(db: HistoryDb) {
  const state: SourceState = { ...initialSourceState(config.sources[0]!), ok: true };
  const engine = new AlertEngine(config, { db: () => db, pools: () => [] });
  const events: AlertEventDto[] = [];
  engine.subscribe((event) => events.push(event));
  let downs = 0;
  const poll = (status: ServerStatus, at: number) => {
    if (status === 'DOWN') downs++;
    state.backends = [backendWith(status, downs)];
    engine.onPoll({ state, at, result: { backends: state.backends, frontends: [], info: null, bytes: 0 } }, [state]);
  };
  return { engine, events, poll };
}

/** A 3-polls-up, 3-polls-down flap, then steady UP. */
const flapThenSteady = (poll: (s: ServerStatus, at: number) => void) => {
  let t = 0;
  for (let i = 0; i < 24; i++) poll(Math.floor(i / 3) % 2 ? 'DOWN' : 'UP', (t += 1000));
  for (let i = 0; i < 30; i++) poll('UP', (t += 1000));
};

test('a flapping server fires one flapping alert with a readable summary, resolved after the hysteresis', () => {
  const db = openHistoryDb(':memory:');
  const { events, poll } = engineOn(db);
  flapThenSteady(poll);
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

test('the event log replays everything after a Last-Event-ID, and a new engine carries firing alerts over', () => {
  const db = openHistoryDb(':memory:');
  const first = engineOn(db);
  let t = 0;
  for (const status of ['UP', 'DOWN', 'DOWN', 'DOWN', 'DOWN'] as const) first.poll(status, (t += 1000));
  const firedDown = first.events.find((e) => e.kind === 'down' && e.change === 'fired')!;
  expect(firedDown).toBeDefined();
  expect(eventsAfter(db, firedDown.seq - 1).map((e) => e.seq)).toContain(firedDown.seq);
  // "Restart": a new engine on the same store; the server comes back, the same alert resolves.
  const second = engineOn(db);
  second.poll('UP', (t += 1000));
  const resolved = second.events.find((e) => e.kind === 'down' && e.change === 'resolved')!;
  expect(resolved.id).toBe(firedDown.id);
  expect(resolved.seq).toBeGreaterThan(firedDown.seq);
  expect(listAlerts(db, 0, t).find((a) => a.id === firedDown.id)!.state).toBe('resolved');
});

test('unsubscribing leaves no listener behind', () => {
  const { engine } = engineOn(openHistoryDb(':memory:'));
  const stop = engine.subscribe(() => {});
  expect(engine.listenerCount).toBe(2);
  stop();
  expect(engine.listenerCount).toBe(1);
});
