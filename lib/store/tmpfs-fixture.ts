/**
 * For tests: a real, small tmpfs to put DATA_DIR on, filled with a file to make the disk full and remounted
 * read-only, as an operator's disk would be. Mounting needs root; `TMPFS.reason` says why a test is skipped.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const TMPFS = {
  available: canMount(),
  reason: 'mounting a tmpfs needs root (and CAP_SYS_ADMIN in a container); CI runs the unit tests as root',
};

function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  try {
    mountTmpfs('64k').unmount();
    return true;
  } catch {
    return false;
  }
}

export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the disk has no room left; its path. */
  fill(): string;
  /** Deletes the filler: the disk has room again. */
  free(): void;
  /** Remount read-only (nothing may have a file open for writing) or read-write again. */
  readOnly(on: boolean): void;
  unmount(): void;
}

export function mountTmpfs(size = '512k'): Tmpfs {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  const filler = path.join(dir, 'filler');
  return {
    dir,
    fill() {
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) appendFileSync(filler, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      try {
        for (;;) appendFileSync(filler, Buffer.alloc(512, 1)); // the last partial page
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
      return filler;
    },
    free() {
      unlinkSync(filler);
    },
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir]);
    },
    unmount() {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
