/**
 * What can go wrong with the history store, in words that name the file and the fix: one text for the health
 * problem, the log and the API's 503. Pure and browser-safe (no `node:path`): the store layer classifies errors,
 * this file only names them.
 */
import { describePostgresFault, isDatabaseUrl } from './postgres-fault';

export type StoreFaultKind =
  | 'disk-full'
  | 'read-only'
  | 'not-a-database'
  | 'locked'
  | 'data-dir'
  | 'io'
  | 'unknown'
  // PostgreSQL only (postgres-fault.ts): the server cannot be reached, or refuses hapscope's user or database.
  | 'unreachable'
  | 'refused';

export interface StoreFault {
  kind: StoreFaultKind;
  /** SQLite's, PostgreSQL's (SQLSTATE) or the system's error code (`SQLITE_FULL`, `53100`, `ENOSPC`, …). */
  code: string;
  /** The error's own words, or what a look at DATA_DIR found (`/data is a file, not a directory`). */
  detail: string;
}

/** Error codes that are the store's trouble, not a bug: SQLite's result codes (extended ones by prefix) and errno. */
const KIND_BY_CODE: [prefix: string, kind: StoreFaultKind][] = [
  ['SQLITE_FULL', 'disk-full'],
  ['ENOSPC', 'disk-full'],
  ['EDQUOT', 'disk-full'],
  ['SQLITE_READONLY', 'read-only'],
  ['EROFS', 'read-only'],
  ['SQLITE_NOTADB', 'not-a-database'],
  ['SQLITE_CORRUPT', 'not-a-database'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['ENOTDIR', 'data-dir'],
  ['EEXIST', 'data-dir'],
  ['EACCES', 'data-dir'],
  ['EPERM', 'data-dir'],
  ['ENOENT', 'data-dir'],
  ['SQLITE_CANTOPEN', 'data-dir'],
  ['SQLITE_IOERR', 'io'],
  ['EIO', 'io'],
  ['SQLITE_PERM', 'read-only'],
  ['SQLITE_AUTH', 'read-only'],
  ['SQLITE_PROTOCOL', 'locked'],
];

/** null for a code that is not the store's (a bug, which must surface as one). */
export function faultKindOf(code: string): StoreFaultKind | null {
  for (const [prefix, kind] of KIND_BY_CODE)
    if (code === prefix || code.startsWith(`${prefix}_`)) return kind;
  return code.startsWith('SQLITE_') ? 'unknown' : null;
}

/** The folder of the file, without `node:path` (this module also runs in the browser). */
export function dirOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : '.';
}

/** What is wrong and what to do, for one fault of one file. */
export function describeStoreFault(fault: StoreFault, file: string): { what: string; fix: string } {
  if (isDatabaseUrl(file)) return describePostgresFault(fault);
  const dir = dirOf(file);
  switch (fault.kind) {
    case 'disk-full':
      return {
        what: 'the disk is full',
        fix: `free space on the disk that holds ${dir} (or point DATA_DIR at a larger one); recording resumes by itself`,
      };
    case 'read-only':
      return {
        what: 'it is read-only',
        fix: `make ${dir} and the files in it writable by the user hapscope runs as (is the disk mounted read-only?); recording resumes by itself`,
      };
    case 'not-a-database':
      return {
        what: `it is not a SQLite database, or a damaged one (${fault.detail})`,
        fix: `stop hapscope, move it aside (mv ${file} ${file}.corrupt) and start it again: a fresh history starts, the old one stays in that file`,
      };
    case 'locked':
      return {
        what: 'another process holds a lock on it',
        fix: `stop the other process that has ${file} open (a second hapscope with the same DATA_DIR, or a sqlite3 shell in a transaction)`,
      };
    case 'data-dir':
      return {
        what: `DATA_DIR cannot be used: ${fault.detail}`,
        fix: `create ${dir} as a directory the user hapscope runs as can write (or point DATA_DIR at one); recording resumes by itself`,
      };
    case 'io':
      return {
        what: `the disk reports an I/O error (${fault.detail})`,
        fix: `check the disk that holds ${dir} and the kernel log`,
      };
    default:
      return { what: fault.detail, fix: `check the disk that holds ${dir} and DATA_DIR` };
  }
}

/** `History store /data/hapscope.db: the disk is full (SQLITE_FULL) — free space on …`: the 503's message. */
export function storeFaultMessage(fault: StoreFault, file: string): string {
  const { what, fix } = describeStoreFault(fault, file);
  return `History store ${file}: ${what} (${fault.code}) — ${fix}`;
}

/**
 * Thrown by the store layer for any failure of the database file or DATA_DIR. Routes answer it with 503
 * `store_unavailable`; recognise it with isStoreError, not instanceof (route bundles load their own copy).
 */
export class StoreError extends Error {
  constructor(
    readonly fault: StoreFault,
    readonly file: string,
  ) {
    super(storeFaultMessage(fault, file));
    this.name = 'StoreError';
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof Error && error.name === 'StoreError' && 'fault' in error && 'file' in error;
}
