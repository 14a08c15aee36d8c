/**
 * The history store's health, shared by everything that uses it (the recorder, the alert engine, access, reads,
 * maintenance): each reports its failures and successes here; health, the banner and /metrics read it; the log
 * hears of a fault once when it starts, once when it ends and at most every 5 minutes between (log-throttle.ts).
 */
import { existsSync } from 'node:fs';
import {
  INITIAL_THROTTLE,
  stepLogThrottle,
  type LogLine,
  type ThrottleState,
} from '@/lib/problems/log-throttle';
import {
  isStoreError,
  type StoreError,
  type StoreFault,
  type StoreFaultKind,
} from '@/lib/problems/store-fault';
import type { MovedAside, StorePart } from '@/lib/problems/store-problems';
import { toStoreError } from './store-error';

export const LOG_REPEAT_MS = 5 * 60_000;
/** After SQLITE_BUSY, writes nobody waits for pause this long: each try blocks for the busy timeout (5 s). */
export const LOCK_RETRY_MS = 30_000;

/** A connection opened while the disk was read-only stays so, even once it is not: these open a new one. */
const REOPEN_AFTER: readonly StoreFaultKind[] = ['read-only', 'not-a-database', 'data-dir', 'io'];

/**
 * What a success of each part proves. A poll written (the recorder writes on every poll) means the file opens, reads
 * and takes writes: it clears every part but maintenance, which tries again each minute. A small write that worked
 * (a session's last use) says nothing of a bigger one, so other parts clear only themselves.
 */
const CLEARS: Record<StorePart, readonly StorePart[]> = {
  open: ['open'],
  reads: ['reads', 'open'],
  access: ['access', 'open'],
  alerts: ['alerts', 'open'],
  recorder: ['recorder', 'open', 'reads', 'access', 'alerts'],
  maintenance: ['maintenance'],
};

export interface StoreStatus {
  healthy: boolean;
  fault: { fault: StoreFault; since: number; parts: StorePart[] } | null;
  /** Store operations that failed since start (each counted once, where it failed). */
  errorsTotal: number;
}

export class StoreFaults {
  errorsTotal = 0;
  private readonly failing = new Map<StorePart, StoreFault>();
  private latest: StoreFault | null = null;
  private since: number | null = null;
  private throttle: ThrottleState = INITIAL_THROTTLE;
  private readonly moved = new Map<string, MovedAside>();
  private lockedAt: number | null = null;

  constructor(
    readonly file: string,
    private readonly clock: () => number,
    /** Asked for a new connection (the store opens one on its next use). */
    private readonly reopen: () => void = () => {},
    private readonly lockRetryMs = LOCK_RETRY_MS,
    /** Which errors are the store's and in what words: SQLite's (store-error.ts) or PostgreSQL's. */
    private readonly classify: (error: unknown, file: string) => StoreError | null = toStoreError,
  ) {}

  /** Another process held the lock a moment ago: the recorder, the alert engine and "last used" writes wait. */
  lockHeld(): boolean {
    return this.lockedAt !== null && this.clock() - this.lockedAt < this.lockRetryMs;
  }

  get healthy(): boolean {
    return this.failing.size === 0;
  }

  status(): StoreStatus {
    const fault =
      this.latest && this.since !== null
        ? { fault: this.latest, since: this.since, parts: [...this.failing.keys()] }
        : null;
    return { healthy: this.healthy, fault, errorsTotal: this.errorsTotal };
  }

  /** Records a failed operation of `part`; the StoreError to throw, or null for an error that is not the store's. */
  failed(part: StorePart, error: unknown): StoreError | null {
    const seen = isStoreError(error);
    const storeError = seen ? error : this.classify(error, this.file);
    if (!storeError) return null;
    const now = this.clock();
    this.failing.set(part, storeError.fault);
    this.latest = storeError.fault;
    this.since ??= now;
    if (seen) return storeError; // counted and logged where it was first caught
    this.errorsTotal++;
    if (storeError.fault.kind === 'locked') this.lockedAt = now;
    this.step({ kind: 'failure', key: storeError.fault.kind, at: now }, storeError);
    if (REOPEN_AFTER.includes(storeError.fault.kind)) this.reopen();
    return storeError;
  }

  succeeded(part: StorePart): void {
    if (this.failing.size === 0) return;
    for (const cleared of CLEARS[part]) this.failing.delete(cleared);
    if (this.failing.size > 0) return;
    this.step({ kind: 'success', at: this.clock() }, null);
    this.latest = null;
    this.since = null;
    this.lockedAt = null;
  }

  /** A damaged file moved aside now (said loudly), or found from an earlier start. */
  movedAside(moved: MovedAside, fault?: StoreFault): void {
    this.moved.set(moved.to, moved);
    if (!fault) return;
    console.error(
      `[hapscope] ${this.file} is not a SQLite database (${fault.code}: ${fault.detail}): moved it aside to ` +
        `${moved.to} and started a fresh, empty history. What it held stays in that file; health lists this ` +
        'until it is deleted or moved out of DATA_DIR.',
    );
  }

  /** Moved-aside copies still in DATA_DIR: a user deletes one to say they have seen it. */
  movedAsideFiles(): MovedAside[] {
    return [...this.moved.values()].filter((moved) => existsSync(moved.to));
  }

  private step(event: Parameters<typeof stepLogThrottle>[1], error: StoreError | null): void {
    const { state, line } = stepLogThrottle(this.throttle, event, LOG_REPEAT_MS);
    this.throttle = state;
    if (line) this.log(line, error, event.at);
  }

  private log(line: LogLine, error: StoreError | null, at: number): void {
    const message = error?.message ?? `History store ${this.file}: ${line.key}`;
    if (line.kind === 'started') {
      console.error(
        `[hapscope] ${message}. Polling goes on; polls that cannot be written wait in memory and are written once ` +
          'it recovers. Logged again at most every 5 min while it lasts.',
      );
    } else if (line.kind === 'still') {
      console.error(
        `[hapscope] history store still failing since ${new Date(line.since).toISOString()} ` +
          `(${line.failures} failures since the last line): ${message}`,
      );
    } else {
      console.log(
        `[hapscope] history store ${this.file} works again after ${duration(at - line.since)} ` +
          `(${line.failures} failures since the last line); polls kept in memory are being written`,
      );
    }
  }
}

const duration = (ms: number) =>
  ms < 90_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
