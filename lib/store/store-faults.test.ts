// The history store's faults on real SQLite files: a file that is not a database is moved aside and a fresh one
// started (said loudly, listed until its copy is deleted); reads of a store that cannot open are 503 naming the
// file; the access store's "last used" writes never fail a request; the log repeats a fault at most every 5 min.
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test, vi, type MockInstance } from 'vitest';
import { catchApiErrors } from '@/lib/api/errors';
import { getUptime } from '@/lib/history/server/history-service';
import { isStoreError } from '@/lib/problems/store-fault';
import { DEFAULT_RETENTION } from './retention-policy';
import { SqliteStore } from './sqlite-store';
import { storeCall } from './store-call';

const NOW = Date.parse('2026-12-06T18:15:00Z');
const GARBAGE = 'Not a database: somebody copied a log file over it.\n'.repeat(200);

let tmp = '';
let store: SqliteStore | null = null;
let errors: MockInstance;
let logs: MockInstance;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'hapscope-store-faults-'));
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  logs = vi.spyOn(console, 'log').mockImplementation(() => {});
});
afterEach(async () => {
  await store?.close();
  store = null;
  vi.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

const open = (dataDir = tmp, clock = () => NOW) =>
  (store = new SqliteStore(dataDir, DEFAULT_RETENTION, clock));

test('a file that is not a database is moved aside with the time, loudly, and a fresh history starts', async () => {
  writeFileSync(path.join(tmp, 'hapscope.db'), GARBAGE);
  writeFileSync(path.join(tmp, 'hapscope.db-wal'), 'stale log of the old file');
  const s = open();
  expect((await s.history.uptime({ from: NOW - 60_000, to: NOW })).servers).toEqual([]);

  const moved = path.join(tmp, 'hapscope.db.corrupt-20261206T181500Z');
  expect(readFileSync(moved, 'utf8')).toBe(GARBAGE);
  expect(existsSync(`${moved}-wal`)).toBe(true);
  expect(errors).toHaveBeenCalledTimes(1);
  expect(errors.mock.calls[0]![0]).toBe(
    `[hapscope] ${s.file} is not a SQLite database (SQLITE_NOTADB: file is not a database): moved it aside to ` +
      `${moved} and started a fresh, empty history. What it held stays in that file; health lists this until it ` +
      'is deleted or moved out of DATA_DIR.',
  );
  expect(s.faults.healthy).toBe(true);
  expect(s.faults.movedAsideFiles()).toEqual([{ to: moved, at: NOW }]);

  // A restart still names it; deleting the copy is how a user says they have seen it.
  await s.close();
  const again = open();
  again.db();
  expect(again.faults.movedAsideFiles()).toEqual([{ to: moved, at: NOW }]);
  unlinkSync(moved);
  expect(again.faults.movedAsideFiles()).toEqual([]);
  expect(errors).toHaveBeenCalledTimes(1);
});

test('reads of a store that cannot open: a StoreError naming the file, answered 503 store_unavailable', async () => {
  writeFileSync(path.join(tmp, 'data'), 'a file where DATA_DIR should be');
  const s = open(path.join(tmp, 'data'));
  const response = await catchApiErrors(() =>
    getUptime({ store: s }, { from: NOW - 3_600_000, to: NOW, label: null }).then((dto) =>
      Response.json(dto),
    ),
  );
  expect(response.status).toBe(503);
  expect(await response.json()).toEqual({
    error: {
      code: 'store_unavailable',
      message:
        `History store ${s.file}: DATA_DIR cannot be used: ${tmp}/data is a file, not a directory (ENOTDIR) — ` +
        `create ${tmp}/data as a directory the user hapscope runs as can write (or point DATA_DIR at one); ` +
        'recording resumes by itself',
    },
  });
  expect(s.faults.status().fault?.parts).toEqual(['open', 'reads']);
  expect(s.faults.errorsTotal).toBe(1); // one failure, counted where it happened (the open), not again as a read
});

test("a session's last-use write that fails signs nobody out; a sign-in that cannot be saved is a StoreError", async () => {
  const s = open();
  const db = s.db();
  const { access } = s;
  const row = {
    id: 's1',
    secret_hash: Buffer.from('x'),
    user_name: 'ada',
    role: 'admin' as const,
    via: 'local',
    created_at: NOW,
    last_seen_at: NOW,
    expires_at: NOW + 3_600_000,
  };
  await access.insertSession(row);
  db.pragma('query_only = ON'); // writes now fail as on a read-only disk
  await expect(access.touchSession('s1', NOW + 1000)).resolves.toBeUndefined();
  expect((await access.getSession('s1'))?.last_seen_at).toBe(NOW);
  expect(s.faults.status().fault).toMatchObject({ fault: { kind: 'read-only' }, parts: ['access'] });
  s.db().pragma('query_only = ON'); // the read reopened it: the disk is still read-only
  const thrown: unknown = await access.insertSession({ ...row, id: 's2' }).catch((error: unknown) => error);
  expect(isStoreError(thrown) && thrown.fault.code).toBe('SQLITE_READONLY');
  // A connection that saw the store read-only is replaced on next use: the new one writes.
  await access.insertSession({ ...row, id: 's3' });
  expect((await access.getSession('s3'))?.id).toBe('s3');
  expect(s.faults.healthy).toBe(true);
});

test('a write inside a transaction is not a success until COMMIT', () => {
  const s = open();
  const db = s.db();
  s.faults.failed('recorder', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  db.transaction(() =>
    storeCall(db, 'recorder', () => db.prepare("INSERT INTO meta VALUES ('k', 'v')").run()),
  )();
  expect(s.faults.healthy).toBe(false);
  storeCall(db, 'recorder', () =>
    db.transaction(() => db.prepare("INSERT INTO meta VALUES ('k2', 'v')").run())(),
  );
  expect(s.faults.healthy).toBe(true);
});

test('the log: once when it starts, at most every 5 min while it lasts, once when it ends', () => {
  let now = NOW;
  const s = open(tmp, () => now);
  const full = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  for (; now < NOW + 12 * 60_000; now += 2000) s.faults.failed('recorder', full());
  s.faults.succeeded('recorder');
  const still = expect.stringMatching(
    /^\[hapscope\] history store still failing since 2026-12-06T18:15:00\.000Z \(150 failures since the last line\): History store .*: the disk is full/,
  );
  expect(errors.mock.calls.map((call) => call[0])).toEqual([
    expect.stringMatching(/^\[hapscope\] History store .*: the disk is full \(SQLITE_FULL\) — free space/),
    still,
    still,
  ]);
  expect(logs.mock.calls.map((call) => call[0])).toEqual([
    `[hapscope] history store ${s.file} works again after 12 min (59 failures since the last line); polls kept ` +
      'in memory are being written',
  ]);
  expect(s.faults.errorsTotal).toBe(360);
});
