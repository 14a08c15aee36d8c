import { describe, expect, test } from 'vitest';
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { queryEvents } from './events-query';
import { queryPoolCheckDurations } from './pool-latency-query';
import { DEFAULT_RETENTION } from './retention-policy';
import { SqliteStore } from './sqlite-store';
import { queryUptime } from './uptime-query';

const POLL = 2000;
const T0 = Date.parse('2025-06-01T10:00:00Z');
const RANGE = { from: T0, to: T0 + 60_000 };

/** web/a (pool eu-a) goes DOWN at poll 10; web/b (eu-b) and api/c (eu-a) stay UP. Check 10 ms, a: 40 ms when DOWN. */
async function recordFleet() {
  const store = new SqliteStore(':memory:', DEFAULT_RETENTION, Date.now, { maintain: false });
  const recorder = new HistoryRecorder(store.recording, POLL);
  const check = (durationMs: number) => ({ ...syntheticServer('x').check, durationMs });
  for (let i = 0; i < 30; i++) {
    const down = i >= 10;
    const a = syntheticServer('a', {
      status: down ? 'DOWN' : 'UP',
      lastChangeSec: 0,
      pool: 'eu-a',
      check: check(down ? 40 : 10),
    });
    const b = syntheticServer('b', { pool: 'eu-b', check: check(10) });
    const c = syntheticServer('c', { pool: 'eu-a', check: check(10) });
    await recorder.record({
      instance: 'lb1',
      at: T0 + i * POLL,
      ok: true,
      backends: [syntheticBackend('lb1', 'web', [a, b]), syntheticBackend('lb1', 'api', [c])],
      info: null,
    });
  }
  return store.db();
}

const names = (rows: { server: { backend: string; server: string } }[]) =>
  rows.map((r) => `${r.server.backend}/${r.server.server}`).sort();

describe('uptime filters', () => {
  test('a backend: its servers and its row; no pool row (the pool has other members)', async () => {
    const report = queryUptime(await recordFleet(), RANGE, { filter: { backend: 'web' } });
    expect(names(report.servers)).toEqual(['web/a', 'web/b']);
    expect(report.backends.map((b) => b.backend)).toEqual(['web']);
    expect(report.pools).toEqual([]);
  });

  test('a pool: its servers and its row; no backend rows (the backends have other members)', async () => {
    const report = queryUptime(await recordFleet(), RANGE, { filter: { pool: 'eu-a' } });
    expect(names(report.servers)).toEqual(['api/c', 'web/a']);
    expect(report.pools.map((p) => p.pool)).toEqual(['eu-a']);
    expect(report.backends).toEqual([]);
  });

  test('an instance that recorded nothing: nothing', async () => {
    expect(queryUptime(await recordFleet(), RANGE, { filter: { instance: 'lb2' } })).toMatchObject({
      servers: [],
      backends: [],
      pools: [],
    });
  });
});

describe('event filters', () => {
  test.each([
    [{}, ['web/a']],
    [{ server: 'a' }, ['web/a']],
    [{ server: 'b' }, []],
    [{ pool: 'eu-a', backend: 'web' }, ['web/a']],
    [{ pool: 'eu-b' }, []],
    [{ instance: 'lb2' }, []],
  ])('%j → %j', async (filter, expected) => {
    const events = queryEvents(await recordFleet(), RANGE, 100, filter);
    expect(events.map((e) => `${e.backend}/${e.server}`)).toEqual(expected);
  });
});

describe('pool check durations', () => {
  test("the stored samples of the pool's servers, nothing of other pools", async () => {
    const stored = queryPoolCheckDurations(await recordFleet(), 'eu-a', RANGE, {
      now: RANGE.to,
      retention: DEFAULT_RETENTION,
    });
    expect(stored?.resolution).toBe('raw');
    const values = stored!.readings.map((r) => r.checkDurationMs);
    expect(new Set(values)).toEqual(new Set([10, 40]));
    expect(stored!.readings.every((r) => r.checkDurationMaxMs === r.checkDurationMs)).toBe(true);
  });

  test('a pool no stored server was placed in is null', async () => {
    const options = { now: RANGE.to, retention: DEFAULT_RETENTION };
    expect(queryPoolCheckDurations(await recordFleet(), 'nowhere', RANGE, options)).toBeNull();
  });
});
