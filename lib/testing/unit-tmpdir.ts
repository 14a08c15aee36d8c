/**
 * Vitest's global set-up: every temporary folder the unit tests make (`os.tmpdir()`) is made in one folder of this
 * run, removed when the run ends, so that a test that leaves its own behind (a store, a config file, a kubeconfig)
 * leaves nothing in the system's. Others may enter it (0755): the PostgreSQL tests run the server as the `postgres`
 * user in a folder below it. The workers are started after this and inherit `TMPDIR`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-unit-'));
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
