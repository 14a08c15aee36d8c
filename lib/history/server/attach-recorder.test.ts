// History recording while the store fails, on real SQLite: a real 512k tmpfs filled up and remounted read-only
// (root only), DATA_DIR blocked by a file, another process holding the lock. Polls go on; the fault shows in health
// within two polls, the log says it once, and the polls kept in memory are written once the store recovers.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import type { PollListener } from '@/lib/collector/collector';
import type { SourceState } from '@/lib/collector/source-state';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import type { ServerStatus } from '@/lib/health/types';
import { getHealth } from '@/lib/problems/server/health-service';
import { DEFAULT_RETENTION, openStore, type StoreOptions } from '@/lib/store';
import { mountTmpfs, TMPFS, type Tmpfs } from '@/lib/store/tmpfs-fixture';
import { attachHistoryRecorder, RECORDING_LIMITS, type RecordingLimits } from './attach-recorder';

const POLL = 1000;
const T0 = Date.parse('2026-12-06T18:15:00Z');
const at = (i: number) => T0 + i * POLL;

/** A store and its recorder fed by hand, one poll of servers a and b at a time (b's status is the poll's). */
function recordingOn(dataDir: string, limits: RecordingLimits = RECORDING_LIMITS, lock?: StoreOptions) {
  let now = T0;
  const store = openStore(dataDir, DEFAULT_RETENTION, () => now, lock);
  const listeners: PollListener[] = [];
  const collector = {
    config: { pollIntervalMs: POLL },
    onPoll: (listener: PollListener) => {
      listeners.push(listener);
      return () => {};
    },
  };
  const recording = attachHistoryRecorder(collector, store, limits);
  const state = { source: { name: 'main' } } as SourceState;
  let downSince: number | null = null;
  /** Hands the poll to the recorder and waits for its write (or for the fault that keeps it in memory). */
  const poll = async (i: number, b: ServerStatus = 'UP') => {
    now = at(i);
    if (b === 'DOWN') downSince ??= now;
    else downSince = null;
    const lastChangeSec = downSince === null ? 3600 : (now - downSince) / 1000;
    const backends = [
      syntheticBackend('main', 'web', [
        syntheticServer('a'),
        syntheticServer('b', { status: b, lastChangeSec }),
      ]),
    ];
    for (const listener of listeners)
      listener({ state, at: now, result: { backends, frontends: [], info: null, bytes: 0 } });
    await recording.settled();
  };
  const health = () =>
    getHealth({
      kubernetes: { status: () => ({ enabled: false, ok: false, error: null }) },
      store,
      recording,
      alerts: { unsavedChanges: 0, off: false },
      access: { problems: new Map() },
      leadership: { status: () => ({ role: 'leader' }), problem: () => null },
    });
  const history = async (server: string) =>
    (await store.history.serverHistory({ instance: 'main', backend: 'web', server }, { from: T0, to: now }))!;
  return { store, recording, poll, health, history, file: store.file };
}

let errors: MockInstance;
let logs: MockInstance;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  logs = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const onTmpfs = TMPFS.available ? 'on a real 512k tmpfs' : `on a real 512k tmpfs — skipped: ${TMPFS.reason}`;
describe.skipIf(!TMPFS.available)(onTmpfs, () => {
  let disk: Tmpfs;
  let close: () => unknown = () => {};
  beforeEach(() => {
    disk = mountTmpfs('512k');
  });
  afterEach(async () => {
    await close();
    disk.unmount();
  });

  test('disk full: in health within two polls, logged once, and the polls kept in memory written once space returns', async () => {
    const r = recordingOn(disk.dir);
    close = () => r.store.close();
    for (let i = 0; i < 5; i++) await r.poll(i);
    expect(r.store.faults.healthy).toBe(true);

    disk.fill();
    await r.poll(5);
    await r.poll(6);
    expect(r.store.faults.healthy).toBe(false); // within two polls (the "since" below says the first)
    for (let i = 7; i < 13; i++) await r.poll(i, i >= 8 ? 'DOWN' : 'UP'); // b goes down while nothing can be written

    expect(r.health().problems).toEqual([
      `History store ${r.file}: the disk is full (SQLITE_FULL) since 2026-12-06T18:15:05Z — history is not ` +
        'recorded: 8 polls wait in memory, written once it recovers; free space on the disk that holds ' +
        `${disk.dir} (or point DATA_DIR at a larger one); recording resumes by itself`,
    ]);
    expect(r.store.faults.errorsTotal).toBe(8);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0]![0]).toMatch(
      new RegExp(`^\\[hapscope\\] History store ${r.file}: the disk is full \\(SQLITE_FULL\\) — free space`),
    );
    expect(logs).not.toHaveBeenCalled();

    disk.free();
    await r.poll(13, 'DOWN');
    expect(r.store.faults.healthy).toBe(true);
    expect(r.recording.backlog()).toEqual({ polls: 0, dropped: 0 });
    expect(r.health().problems).toEqual([]);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(logs).toHaveBeenCalledTimes(1);
    expect(logs.mock.calls[0]![0]).toMatch(/^\[hapscope\] history store .* works again after 8 s/);

    // History shows the buffered polls: no gap, and b's outage from the poll it started at.
    const b = await r.history('b');
    expect(b.noData).toEqual([]);
    expect(b.transitions.map((t) => [t.at - T0, t.to.status])).toEqual([[8000, 'DOWN']]);
    expect(b.uptime).toMatchObject({ upSec: 8, downSec: 5, noDataSec: 0 });
  });

  test('beyond the buffer the gap is "no data", never up or down', async () => {
    const r = recordingOn(disk.dir, { ...RECORDING_LIMITS, maxSpanMs: 3 * POLL });
    close = () => r.store.close();
    for (let i = 0; i < 5; i++) await r.poll(i);
    disk.fill();
    for (let i = 5; i < 15; i++) await r.poll(i, 'DOWN'); // keeps 11..14, drops 5..10
    expect(r.recording.backlog()).toEqual({ polls: 4, dropped: 6 });
    expect(r.health().problems[0]).toMatch(
      /history is not recorded: 4 polls wait in memory, written once it recovers; 6 older polls did not fit and show as "no data"; free space/,
    );

    disk.free();
    await r.poll(15, 'DOWN'); // the buffer takes it first: poll 11 goes too
    expect(r.store.faults.healthy).toBe(true);
    expect((await r.history('a')).noData).toEqual([{ from: at(4), to: at(12) }]);
    // b was down from poll 5 on: only the polls written count, the gap is neither up nor down.
    expect((await r.history('b')).uptime).toMatchObject({ upSec: 4, downSec: 3, noDataSec: 8 });
  });

  test('a read-only DATA_DIR after a restart: named in health, recorded again once it is writable, no restart', async () => {
    const first = recordingOn(disk.dir);
    for (let i = 0; i < 3; i++) await first.poll(i);
    await first.store.close(); // hapscope stops; the disk comes back read-only
    disk.readOnly(true);

    const r = recordingOn(disk.dir);
    close = () => r.store.close();
    await r.poll(3);
    expect(r.health().problems).toEqual([
      `History store ${r.file}: it is read-only (EROFS) since 2026-12-06T18:15:03Z — ` +
        'history is not recorded: 1 poll wait in memory, written once it recovers; make ' +
        `${disk.dir} and the files in it writable by the user hapscope runs as (is the disk mounted read-only?); ` +
        'recording resumes by itself',
    ]);
    await r.poll(4);
    expect(errors).toHaveBeenCalledTimes(1);

    disk.readOnly(false);
    await r.poll(5);
    expect(r.store.faults.healthy).toBe(true);
    expect((await r.history('a')).noData).toEqual([]);
    expect((await r.history('a')).uptime).toMatchObject({ upSec: 5, noDataSec: 0 });
  });
});

describe('DATA_DIR and locks (any user)', () => {
  let tmp = '';
  let close: () => unknown = () => {};
  beforeEach(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'hapscope-recording-'));
  });
  afterEach(async () => {
    await close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('DATA_DIR missing: created, and recording starts at the first poll', async () => {
    const r = recordingOn(path.join(tmp, 'not', 'yet', 'there'));
    close = () => r.store.close();
    await r.poll(0);
    await r.poll(1);
    expect(r.store.faults.healthy).toBe(true);
    expect((await r.history('a')).uptime).toMatchObject({ upSec: 1 });
    expect(errors).not.toHaveBeenCalled();
  });

  test('a file where DATA_DIR should be: named with the fix; once it is moved the polls kept are written', async () => {
    writeFileSync(path.join(tmp, 'var'), 'not a directory');
    const r = recordingOn(path.join(tmp, 'var', 'hapscope'));
    close = () => r.store.close();
    await r.poll(0);
    await r.poll(1);
    expect(r.health().problems).toEqual([
      `History store ${r.file}: DATA_DIR cannot be used: ${tmp}/var is a file, not a directory (ENOTDIR) since ` +
        '2026-12-06T18:15:00Z — history is not recorded: 2 polls wait in memory, written once it recovers; ' +
        `create ${tmp}/var/hapscope as a directory the user hapscope runs as can write (or point DATA_DIR at ` +
        'one); recording resumes by itself',
    ]);
    expect(errors).toHaveBeenCalledTimes(1);

    rmSync(path.join(tmp, 'var'));
    await r.poll(2);
    expect(r.store.faults.healthy).toBe(true);
    expect((await r.history('a')).noData).toEqual([]);
    expect((await r.history('a')).uptime).toMatchObject({ upSec: 2 });
  });

  test('another process holding the lock: named, retried after a pause, then the kept polls written', async () => {
    const r = recordingOn(tmp, RECORDING_LIMITS, { busyTimeoutMs: 20, lockRetryMs: 2 * POLL });
    await r.poll(0);
    const other = new Database(r.file);
    close = () => {
      other.close();
      return r.store.close();
    };
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO meta (key, value) VALUES ('held', 'by another process')").run();
    await r.poll(1);
    expect(r.health().problems[0]).toMatch(
      new RegExp(`^History store ${r.file}: another process holds a lock on it \\(SQLITE_BUSY\\) since`),
    );
    await r.poll(2); // within the pause: not tried (each try waits out the busy timeout)
    expect(r.store.faults.errorsTotal).toBe(1);
    other.exec('ROLLBACK');
    await r.poll(3);
    expect(r.store.faults.healthy).toBe(true);
    expect((await r.history('a')).uptime).toMatchObject({ upSec: 3, noDataSec: 0 });
  });
});
