/**
 * A history file that is not a SQLite database is never deleted: it is renamed with the time
 * (`hapscope.db.corrupt-20261206T181500Z`, its -wal and -shm alike) and a fresh database takes its place.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { MovedAside } from '@/lib/problems/store-problems';
import { openHistoryDb, type HistoryDb, type OpenOptions } from './db';
import { toStoreError } from './store-error';
import type { StoreFault } from '@/lib/problems/store-fault';

const CORRUPT = '.corrupt-';
const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-\d+)?$/;

export interface Opened {
  db: HistoryDb;
  /** The damaged file moved aside on this open, and what was wrong with it. */
  movedAside: { moved: MovedAside; fault: StoreFault } | null;
}

export function openOrMoveAside(file: string, options: OpenOptions, now: number): Opened {
  // Checked before SQLite opens it: a failed open deletes the -wal beside it, which may hold the last writes.
  if (!hasSqliteHeader(file)) {
    const fault: StoreFault = {
      kind: 'not-a-database',
      code: 'SQLITE_NOTADB',
      detail: 'file is not a database',
    };
    const moved = moveAside(file, now);
    return { db: openHistoryDb(file, options), movedAside: { moved, fault } };
  }
  try {
    return { db: openHistoryDb(file, options), movedAside: null };
  } catch (error) {
    const fault = toStoreError(error, file)?.fault;
    if (fault?.kind !== 'not-a-database') throw error; // damaged inside (SQLITE_CORRUPT): moved aside too
    const moved = moveAside(file, now);
    return { db: openHistoryDb(file, options), movedAside: { moved, fault } };
  }
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** False only for a file that exists, has bytes, and does not start as every SQLite database does. */
function hasSqliteHeader(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return true; // missing (created next) or unreadable (the open says why)
  }
  try {
    const head = Buffer.alloc(HEADER.length);
    const read = readSync(fd, head, 0, HEADER.length, 0);
    return read === 0 || (read === HEADER.length && head.equals(HEADER));
  } finally {
    closeSync(fd);
  }
}

/** `20261206T181500Z` */
export const fileStamp = (at: number) => new Date(at).toISOString().replace(/[-:]|\.\d{3}/g, '');

function moveAside(file: string, at: number): MovedAside {
  let to = `${file}${CORRUPT}${fileStamp(at)}`;
  for (let n = 2; existsSync(to); n++) to = `${file}${CORRUPT}${fileStamp(at)}-${n}`;
  renameSync(file, to);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${to}${suffix}`);
  }
  return { to, at };
}

/** Copies moved aside by an earlier start, still in DATA_DIR: health keeps naming them until they are gone. */
export function findMovedAside(file: string): MovedAside[] {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}${CORRUPT}`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const stamp = name.startsWith(prefix) ? STAMP.exec(name.slice(prefix.length)) : null;
    if (!stamp) return [];
    const [, y, mo, d, h, mi, s] = stamp;
    return [{ to: path.join(dir, name), at: Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`) }];
  });
}
