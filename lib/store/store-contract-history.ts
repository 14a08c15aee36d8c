/**
 * The store contract (store-contract.ts): polls recorded through the store's recording part read back as history,
 * uptime, events and pool check durations, across a restart.
 */
import { expect, test } from 'vitest';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { Server } from '@/lib/health/types';
import { META_GENERATED_UNTIL } from './meta-keys';
import type { Opened, StoreHarness } from './store-contract';

const POLL = 2000;
const T0 = Date.parse('2025-06-01T10:00:00Z');
const RANGE = { from: T0, to: T0 + 60_000 };

export async function poll(
  recorder: ReturnType<StoreHarness['recorder']>,
  at: number,
  servers: Server[] | null,
): Promise<void> {
  await recorder.record({
    instance: 'eu',
    at,
    ok: servers !== null,
    backends: servers ? [syntheticBackend('eu', 'web', servers)] : null,
    info: null,
  });
}

/**
 * 30 polls, 2 s apart, from T0 (covered T0 … T0 + 58 s): server a DOWN at polls 10 … 19, HAProxy saying each
 * change happened 1 s before the poll that saw it (T0 + 19 s, T0 + 39 s); b UP throughout, its sessions 0, 1, 2 in
 * turn. Both in pool p1, every check 7 ms.
 */
async function recordMinute(recorder: ReturnType<StoreHarness['recorder']>): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const down = i >= 10 && i < 20;
    const check = { ...syntheticServer('x').check, durationMs: 7 };
    const a = syntheticServer('a', {
      status: down ? 'DOWN' : 'UP',
      lastChangeSec: i === 10 || i === 20 ? 1 : 30,
      pool: 'p1',
      check: { ...check, status: down ? 'L7STS' : 'L7OK', code: down ? 503 : 200 },
    });
    const b = syntheticServer('b', {
      pool: 'p1',
      check,
      sessions: { current: i % 3, max: 3, limit: null, total: i },
    });
    await poll(recorder, T0 + i * POLL, [a, b]);
  }
}

export function historyContract({ fresh, reopen, harness }: Opened): void {
  const atEnd = { clock: () => RANGE.to };

  test('a recorded poll reads back: samples, transitions, uptime, events, the backend, the pool', async () => {
    const store = await fresh(atEnd);
    expect(await store.history.recorded()).toBe(false);
    await recordMinute(harness.recorder(store.recording, POLL));
    expect(await store.history.recorded()).toBe(true);

    const a = (await store.history.serverHistory({ instance: 'eu', backend: 'web', server: 'a' }, RANGE, 3))!;
    expect(a.server).toMatchObject({
      instance: 'eu',
      backend: 'web',
      server: 'a',
      backup: false,
      pool: 'p1',
    });
    expect(a.resolution).toBe('raw');
    const statuses = a.samples.map((s) => s.status).filter((s, i, all) => s !== all[i - 1]);
    expect(statuses).toEqual(['UP', 'DOWN', 'UP']);
    expect(a.samples.find((s) => s.status === 'DOWN')!.at).toBe(T0 + 10 * POLL);
    expect(a.samples.every((s) => s.checkDurationMs === 7)).toBe(true);
    expect(a.transitions.map((t) => [t.at, t.from?.status, t.to.status, t.checkStatus])).toEqual([
      [T0 + 19_000, 'UP', 'DOWN', 'L7STS'],
      [T0 + 39_000, 'DOWN', 'UP', 'L7OK'],
    ]);
    // DOWN 19 s … 39 s; covered 0 … 58 s of the 60 s range.
    expect(a.uptime).toMatchObject({ downSec: 20, upSec: 38, noDataSec: 2 });
    expect(a.noData).toEqual([{ from: T0 + 58_000, to: T0 + 60_000 }]);
    expect(a.buckets).toHaveLength(3);

    const b = (await store.history.serverHistory({ instance: 'eu', backend: 'web', server: 'b' }, RANGE))!;
    expect(new Set(b.samples.map((s) => s.sessions))).toEqual(new Set([0, 1, 2]));
    expect(
      await store.history.serverHistory({ instance: 'eu', backend: 'web', server: 'zz' }, RANGE),
    ).toBeNull();

    const uptime = await store.history.uptime(RANGE);
    expect(uptime.servers.map((s) => [s.server.server, s.downSec, s.upSec, s.noDataSec])).toEqual([
      ['a', 20, 38, 2],
      ['b', 0, 58, 2],
    ]);
    expect(uptime.backends).toEqual([
      expect.objectContaining({ instance: 'eu', backend: 'web', downSec: 0 }),
    ]);
    expect(uptime.pools.map((p) => p.pool)).toEqual(['p1']);
    expect((await store.history.uptime(RANGE, undefined, { backend: 'other' })).servers).toEqual([]);

    const events = await store.history.events(RANGE, 10);
    expect(events.map((e) => [e.server, e.from?.status, e.to.status, e.at, e.durationMs])).toEqual([
      ['a', 'DOWN', 'UP', T0 + 39_000, null],
      ['a', 'UP', 'DOWN', T0 + 19_000, 20_000],
    ]);
    expect(await store.history.events(RANGE, 1, { server: 'b' })).toEqual([]);

    const backend = (await store.history.backendHistory({ instance: 'eu', backend: 'web' }, RANGE))!;
    expect(backend.backend).toMatchObject({ instance: 'eu', backend: 'web' });
    expect(backend.samples.length).toBeGreaterThan(0);
    expect(backend.noData).toEqual([{ from: T0 + 58_000, to: T0 + 60_000 }]);
    expect(await store.history.backendHistory({ instance: 'eu', backend: 'nope' }, RANGE)).toBeNull();

    const pool = (await store.history.poolCheckDurations('p1', RANGE))!;
    expect(pool.resolution).toBe('raw');
    expect(pool.readings.length).toBeGreaterThan(0);
    expect(pool.readings.every((r) => r.checkDurationMs === 7 && r.checkDurationMaxMs === 7)).toBe(true);
    expect(await store.history.poolCheckDurations('nowhere', RANGE)).toBeNull();
  });

  test('after a restart no transition is invented and the time between is no data', async () => {
    let store = await fresh(atEnd);
    await recordMinute(harness.recorder(store.recording, POLL));
    const restartAt = T0 + 5 * 60_000;
    const range = { from: T0, to: restartAt + 60_000 };
    store = await reopen(store, { clock: () => range.to });
    const recorder = harness.recorder(store.recording, POLL);
    for (let i = 0; i < 30; i++)
      await poll(recorder, restartAt + i * POLL, [
        syntheticServer('a', { pool: 'p1' }),
        syntheticServer('b'),
      ]);
    expect((await store.history.events(range, 10)).map((e) => e.at)).toEqual([T0 + 39_000, T0 + 19_000]);
    const a = (await store.history.uptime(range)).servers.find((s) => s.server.server === 'a')!;
    // Covered 58 s before and 58 s after; DOWN 20 s of it; the rest of the 6 minutes no data.
    expect(a).toMatchObject({ downSec: 20, upSec: 96, noDataSec: 360 - 116 });
  });

  test('generated history: none until the seed says so', async () => {
    const store = await fresh();
    expect(await store.history.generatedUntil()).toBeNull();
    await store.meta.writeMeta(META_GENERATED_UNTIL, String(T0));
    expect(await store.history.generatedUntil()).toBe(T0);
  });
}
