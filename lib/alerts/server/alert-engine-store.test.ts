// The alert engine while the history store fails, on real SQLite: changes wait in memory (in /metrics, not yet in
// the alert center), in order, and are saved and sent with their own times once the store takes writes again; a
// store that does not open at start-up delays the engine instead of switching alerts off until a restart.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { AlertEventDto } from '@/lib/api/alerts-dto';
import { initialSourceState, type SourceState } from '@/lib/collector/source-state';
import { parseConfig } from '@/lib/config/parse-config';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { ServerStatus } from '@/lib/health/types';
import { DEFAULT_RETENTION, openStore } from '@/lib/store';
import { AlertEngine } from './alert-engine';

const config = parseConfig({
  HAPROXY_STATS_URL: 'main=http://h:1/stats',
  POLL_INTERVAL_MS: '1000',
  ALERT_DOWN_GRACE_MS: '3000',
});

let tmp = '';
let cleanup: (() => unknown)[] = [];
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hapscope-alert-store-'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
  vi.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

function engineOn(dataDir: string) {
  let now = 0;
  const store = openStore(dataDir, DEFAULT_RETENTION, () => now, { busyTimeoutMs: 20, lockRetryMs: 2500 });
  cleanup.push(() => store.close());
  const engine = new AlertEngine(config, { store, pools: () => [] });
  const events: AlertEventDto[] = [];
  engine.subscribe((event) => events.push(event));
  const state: SourceState = { ...initialSourceState(config.sources[0]!), ok: true };
  const poll = (status: ServerStatus, at: number) => {
    now = at;
    const server = syntheticServer('agent1', { status, pool: 'pool-a' });
    state.backends = [{ ...syntheticBackend('main', 'web', [server]), activeUp: status === 'UP' ? 1 : 0 }];
    return engine.onPoll(
      { state, at, result: { backends: state.backends, frontends: [], info: null, bytes: 0 } },
      [state],
    );
  };
  const listAlerts = async (now: number) => (await store.alerts.alertCenter(0, now)).alerts;
  return { store, engine, events, poll, listAlerts };
}

test('a lock held by another process: the change waits, then is saved and sent with the time it happened', async () => {
  const { store, engine, events, poll, listAlerts } = engineOn(tmp);
  await poll('UP', 1000);
  const other = new Database(store.file);
  cleanup.push(() => other.close());
  other.exec('BEGIN IMMEDIATE');
  other.prepare("INSERT INTO meta (key, value) VALUES ('held', 'by another process')").run();

  for (let t = 2000; t <= 8000; t += 1000) await poll('DOWN', t); // tried at the first change, then every 2.5 s
  const firing = engine.firing().find((alert) => alert.kind === 'down');
  expect(firing).toBeDefined(); // in memory, so /metrics has it
  expect(events).toEqual([]);
  expect(engine.unsavedChanges).toBeGreaterThan(0);
  expect(await listAlerts(8000)).toEqual([]);
  expect(store.faults.status().fault).toMatchObject({ fault: { kind: 'locked' }, parts: ['alerts'] });

  other.exec('ROLLBACK');
  await poll('DOWN', 9000);
  expect(engine.unsavedChanges).toBeGreaterThan(0); // the pause after the last try is not over
  await poll('DOWN', 12_000);
  expect(engine.unsavedChanges).toBe(0);
  expect(store.faults.healthy).toBe(true);
  const fired = events.find((event) => event.kind === 'down' && event.change === 'fired')!;
  expect(fired.changedAt).toBe(new Date(firing!.firedAt!).toISOString());
  expect(fired.changedAt).not.toBe(new Date(12_000).toISOString());
  expect((await listAlerts(12_000)).map((alert) => [alert.kind, alert.state])).toEqual([['down', 'firing']]);
});

test('a store that does not open at start-up delays alerts, and they start once it opens, without a restart', async () => {
  const dataDir = path.join(tmp, 'data');
  writeFileSync(dataDir, 'a file where DATA_DIR should be');
  const { store, engine, events, poll } = engineOn(dataDir);
  for (let t = 1000; t <= 6000; t += 1000) await poll('DOWN', t);
  expect(engine.firing()).toEqual([]);
  expect(store.faults.healthy).toBe(false);

  rmSync(dataDir);
  for (let t = 7000; t <= 11_000; t += 1000) await poll('DOWN', t);
  expect(events.filter((event) => event.change === 'fired').map((event) => event.kind)).toContain('down');
  expect(store.faults.healthy).toBe(true);
});
