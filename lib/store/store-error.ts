/**
 * Which errors are the history store's trouble (SQLite's result codes, the system's errno) rather than a bug, in
 * words: a StoreError naming the file and the fix. "Unable to open database file" is explained by a look at DATA_DIR.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { faultKindOf, isStoreError, StoreError, type StoreFault } from '@/lib/problems/store-fault';

/** A store error in words, or null when `error` is not one (a bug stays a bug). */
export function toStoreError(error: unknown, file: string): StoreError | null {
  if (isStoreError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const kind = faultKindOf(code);
  if (!kind) return null;
  const detail = error instanceof Error ? error.message : String(error);
  // "unable to open database file" says nothing of why: a look at DATA_DIR does, with the system's own code.
  const found = kind === 'data-dir' || kind === 'io' ? diagnoseDataDir(file) : null;
  return new StoreError(found ?? { kind, code, detail }, file);
}

/** What a look at DATA_DIR finds; null when nothing there explains the error. */
function diagnoseDataDir(file: string): StoreFault | null {
  const dir = path.dirname(file);
  const blocker = firstNonDirectory(dir);
  if (blocker) return { kind: 'data-dir', code: 'ENOTDIR', detail: `${blocker} is a file, not a directory` };
  if (!existsSync(dir)) {
    return { kind: 'data-dir', code: 'ENOENT', detail: `${dir} does not exist and could not be created` };
  }
  for (const [target, mode] of [
    [dir, constants.W_OK],
    [file, constants.R_OK | constants.W_OK],
  ] as const) {
    if (target === file && !existsSync(file)) break;
    try {
      accessSync(target, mode);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EACCES';
      if (code === 'EROFS')
        return { kind: 'read-only', code, detail: `${target} is on a read-only file system` };
      return { kind: target === dir ? 'data-dir' : 'read-only', code, detail: `${target} is not writable` };
    }
  }
  return null;
}

/** The path itself or the nearest ancestor that exists, when that is not a directory. */
function firstNonDirectory(dir: string): string | null {
  for (let at = dir; ; at = path.dirname(at)) {
    try {
      return statSync(at).isDirectory() ? null : at;
    } catch {
      if (path.dirname(at) === at) return null;
    }
  }
}
