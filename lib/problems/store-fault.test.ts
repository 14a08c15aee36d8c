import { expect, test } from 'vitest';
import {
  faultKindOf,
  isStoreError,
  StoreError,
  storeFaultMessage,
  type StoreFault,
  type StoreFaultKind,
} from './store-fault';

test.each<[string, StoreFaultKind | null]>([
  ['SQLITE_FULL', 'disk-full'],
  ['ENOSPC', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_READONLY_DBMOVED', 'read-only'],
  ['EROFS', 'read-only'],
  ['SQLITE_NOTADB', 'not-a-database'],
  ['SQLITE_CORRUPT', 'not-a-database'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_BUSY_SNAPSHOT', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['ENOTDIR', 'data-dir'],
  ['EACCES', 'data-dir'],
  ['SQLITE_CANTOPEN', 'data-dir'],
  ['SQLITE_IOERR_WRITE', 'io'],
  ['SQLITE_MISUSE', 'unknown'],
  // Not the store's trouble: a bug, which must not be dressed up as a disk problem.
  ['ERR_INVALID_ARG_TYPE', null],
  ['SQLITE_FULLY', 'unknown'],
])('%s is %s', (code, kind) => {
  expect(faultKindOf(code)).toBe(kind);
});

const FILE = '/data/hapscope.db';
test.each<[StoreFault, string]>([
  [
    { kind: 'disk-full', code: 'SQLITE_FULL', detail: 'database or disk is full' },
    'History store /data/hapscope.db: the disk is full (SQLITE_FULL) — free space on the disk that holds /data ' +
      '(or point DATA_DIR at a larger one); recording resumes by itself',
  ],
  [
    { kind: 'read-only', code: 'EROFS', detail: 'read-only file system' },
    'History store /data/hapscope.db: it is read-only (EROFS) — make /data and the files in it ' +
      'writable by the user hapscope runs as (is the disk mounted read-only?); recording resumes by itself',
  ],
  [
    { kind: 'not-a-database', code: 'SQLITE_NOTADB', detail: 'file is not a database' },
    'History store /data/hapscope.db: it is not a SQLite database, or a damaged one (file is not a database) ' +
      '(SQLITE_NOTADB) — stop hapscope, move it aside (mv /data/hapscope.db /data/hapscope.db.corrupt) and start ' +
      'it again: a fresh history starts, the old one stays in that file',
  ],
  [
    { kind: 'locked', code: 'SQLITE_BUSY', detail: 'database is locked' },
    'History store /data/hapscope.db: another process holds a lock on it (SQLITE_BUSY) — stop the other process ' +
      'that has /data/hapscope.db open (a second hapscope with the same DATA_DIR, or a sqlite3 shell in a transaction)',
  ],
])('fault %# names the file and the fix', (fault, message) => {
  expect(storeFaultMessage(fault, FILE)).toBe(message);
});

test('a StoreError is known by its name, as route bundles hold their own copy of the class', () => {
  const error = new StoreError({ kind: 'locked', code: 'SQLITE_BUSY', detail: 'database is locked' }, FILE);
  expect(isStoreError(error)).toBe(true);
  expect(isStoreError(Object.assign(new Error('x'), { name: 'StoreError', fault: {}, file: FILE }))).toBe(
    true,
  );
  expect(isStoreError(new Error('database is locked'))).toBe(false);
});
