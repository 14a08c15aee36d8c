/**
 * The store contract (store-contract.ts): minute and hour rollups read back at the resolution a range calls for,
 * the same after a second run, and gone once retention has passed them.
 */
import { expect, test } from 'vitest';
import { syntheticServer } from '@/lib/health/synthetic-server';
import { DEFAULT_RETENTION } from './retention-policy';
import type { Store } from './store';
import type { Opened, StoreHarness } from './store-contract';
import { poll } from './store-contract-history';

const POLL = 2000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.parse('2025-06-01T10:00:00Z'); // an hour's start
const NOW = T0 + 3 * HOUR;
/** Raw samples kept an hour: a range from T0 read at NOW is read from rollups. */
const RETENTION = { ...DEFAULT_RETENTION, rawHours: 1 };
const SERVER = { instance: 'eu', backend: 'web', server: 'a' };
const MINUTES = { from: T0, to: T0 + 20 * MINUTE };
const HOURS = { from: T0 - 3 * DAY, to: T0 + HOUR };

/**
 * 10 minutes of 2 s polls (T0 … T0 + 10 min): DOWN in minutes 3 and 4 with no sessions and 30 ms checks, UP
 * otherwise with 4 sessions and 10 ms checks; HAProxy's lastchg says nothing more precise than the poll.
 */
async function recordTenMinutes(recorder: ReturnType<StoreHarness['recorder']>): Promise<void> {
  for (let at = T0; at <= T0 + 10 * MINUTE; at += POLL) {
    const down = at >= T0 + 3 * MINUTE && at < T0 + 5 * MINUTE;
    await poll(recorder, at, [
      syntheticServer('a', {
        status: down ? 'DOWN' : 'UP',
        lastChangeSec: 3600,
        sessions: { current: down ? 0 : 4, max: 4, limit: null, total: 0 },
        check: { ...syntheticServer('a').check, durationMs: down ? 30 : 10 },
      }),
    ]);
  }
}

async function rolledUp({ fresh, harness }: Opened): Promise<Store> {
  const store = await fresh({ clock: () => NOW, retention: RETENTION });
  await recordTenMinutes(harness.recorder(store.recording, POLL));
  await store.maintenance.runNow(NOW, DEFAULT_RETENTION);
  return store;
}

export function maintenanceContract(opened: Opened): void {
  test('minutes: one sample per covered minute, each with its own figures and time split', async () => {
    const store = await rolledUp(opened);
    const history = (await store.history.serverHistory(SERVER, MINUTES))!;
    expect(history.resolution).toBe('minute');
    const down = (k: number) => k === 3 || k === 4;
    expect(
      history.samples.map((s) => [s.at, s.status, s.checkDurationMs, s.sessions, s.rollup?.downSec]),
    ).toEqual(
      Array.from({ length: 10 }, (_, k) => [
        T0 + k * MINUTE,
        down(k) ? 'DOWN' : 'UP',
        down(k) ? 30 : 10,
        down(k) ? 0 : 4,
        down(k) ? 60 : 0,
      ]),
    );
    // 20 minutes asked, 10 covered, 2 of them DOWN.
    expect(history.uptime).toMatchObject({ downSec: 120, upSec: 480, noDataSec: 600 });
    const backend = (await store.history.backendHistory({ instance: 'eu', backend: 'web' }, MINUTES))!;
    expect(backend.samples.map((s) => s.at)).toEqual(Array.from({ length: 10 }, (_, k) => T0 + k * MINUTE));
  });

  test('hours: the minutes weighted by covered time; a second run changes nothing', async () => {
    const store = await rolledUp(opened);
    const first = (await store.history.serverHistory(SERVER, HOURS))!;
    expect(first.resolution).toBe('hour');
    expect(first.samples).toHaveLength(1);
    expect(first.samples[0]).toMatchObject({
      at: T0,
      status: 'DOWN', // the hour's worst
      checkDurationMs: (8 * 10 + 2 * 30) / 10,
      sessions: (8 * 4 + 2 * 0) / 10,
      rollup: { upSec: 480, downSec: 120, plannedSec: 0, noDataSec: 3600 - 600, checkDurationMaxMs: 30 },
    });
    await store.maintenance.runNow(NOW, DEFAULT_RETENTION);
    expect(await store.history.serverHistory(SERVER, HOURS)).toEqual(first);
    expect(await store.history.serverHistory(SERVER, MINUTES)).toEqual(
      await store.history.serverHistory(SERVER, MINUTES),
    );
  });

  test('retention: rollups, transitions and coverage older than their windows are gone', async () => {
    const store = await rolledUp(opened);
    const tenMinutes = { from: T0, to: T0 + 10 * MINUTE };
    expect(await store.history.events(tenMinutes, 10)).toHaveLength(2);
    const later = T0 + 3 * DAY;
    await store.maintenance.runNow(later, { rawHours: 1, minuteDays: 1, hourDays: 1 });
    expect((await store.history.serverHistory(SERVER, HOURS))!.samples).toEqual([]);
    expect((await store.history.serverHistory(SERVER, MINUTES))!.samples).toEqual([]);
    expect(await store.history.events(tenMinutes, 10)).toEqual([]);
    const uptime = (await store.history.uptime(tenMinutes)).servers[0]!;
    expect(uptime).toMatchObject({ upSec: 0, downSec: 0, noDataSec: 600 });
  });

  test('a day packed once hours are past it reads the same; retention inside it hides the minutes before the edge', async () => {
    const store = await rolledUp(opened);
    const read = async () => ({
      minutes: (await store.history.serverHistory(SERVER, MINUTES))!.samples,
      hours: (await store.history.serverHistory(SERVER, HOURS))!.samples,
      backend: (await store.history.backendHistory({ instance: 'eu', backend: 'web' }, MINUTES))!.samples,
    });
    const before = await read();
    expect(before.minutes).toHaveLength(10);
    // 01:05 the next day: hours are rolled an hour past the day's end, so its runs are packed (packed-runs.ts).
    const nextDay = Date.parse('2025-06-02T01:05:00Z');
    await store.maintenance.runNow(nextDay, DEFAULT_RETENTION);
    expect(await read()).toEqual(before);

    // A poll written late (as the recorder writes polls held while the store failed) reaches back into the packed
    // day: its minutes and hours are rolled again over what the day held (the runs go back to rows), packed again.
    await poll(opened.harness.recorder(store.recording, POLL), T0 + 10 * MINUTE + POLL, [
      syntheticServer('a', { lastChangeSec: 3600, sessions: { current: 9, max: 9, limit: null, total: 0 } }),
    ]);
    await store.recording.rewindRollups(T0 + 10 * MINUTE);
    await store.maintenance.runNow(nextDay, DEFAULT_RETENTION);
    const late = await read();
    // Minute 10 is covered 2 s now, by the sample of 10:10 (4 sessions) until the late poll's.
    expect(late.minutes.slice(0, 10)).toEqual(before.minutes);
    expect(late.minutes[10]).toMatchObject({ at: T0 + 10 * MINUTE, sessions: 4, rollup: { upSec: 2 } });
    expect(late.hours).toHaveLength(1);
    expect(late.hours[0]!.rollup).toMatchObject({ upSec: 482, downSec: 120, noDataSec: 3600 - 602 });

    // Minutes kept from T0 + 5 min: the packed day still holds minutes 0–4, but they are gone to a reader.
    const later = T0 + 2 * DAY;
    await store.maintenance.runNow(later, { ...DEFAULT_RETENTION, minuteDays: (2 * DAY - 5 * MINUTE) / DAY });
    const after = await read();
    expect(after.minutes.map((s) => s.at)).toEqual([5, 6, 7, 8, 9, 10].map((k) => T0 + k * MINUTE));
    expect(after.minutes).toEqual(late.minutes.slice(5));
    expect(after.backend.map((s) => s.at)).toEqual([5, 6, 7, 8, 9, 10].map((k) => T0 + k * MINUTE));
    expect(after.hours).toEqual(late.hours);
  });
}
