/**
 * Every process a bench starts is registered here, so none outlives the run: a bench stops its own in `finally`
 * (stopChild), and whatever is still running is stopped on SIGINT/SIGTERM, on an uncaught error and, last, on exit
 * (SIGKILL, the only thing an exit handler can still do). Things that are not child processes (a browser, an
 * in-process server, a temporary folder) register a cleanup that the signal and error paths run too.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const STOP_GRACE_MS = 10_000;

/** Child → whether it leads its own process group (started `detached`): then the whole group is signalled. */
const running = new Map<ChildProcess, { name: string; group: boolean }>();
const cleanups = new Set<() => Promise<unknown>>();
let installed = false;

/** spawn(), registered. `group: true` starts it as the leader of a process group and stops the whole group. */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions & { group?: boolean } = {},
): ChildProcess {
  installHandlers();
  const { group = false, ...spawnOptions } = options;
  const child = spawn(command, args, { ...spawnOptions, detached: group });
  running.set(child, { name, group });
  child.once('error', () => running.delete(child)); // never started (ENOENT…): nothing to stop
  return child;
}

/** SIGTERM, then SIGKILL if it has not exited within the grace period; resolves once it has exited. */
export async function stopChild(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  const entry = running.get(child);
  if (!entry) return;
  if (!hasExited(child)) {
    signal(child, entry.group, 'SIGTERM');
    if (!(await exited(child, graceMs))) {
      console.error(`[bench] ${entry.name} ignored SIGTERM for ${graceMs / 1000} s: SIGKILL`);
      signal(child, entry.group, 'SIGKILL');
      await exited(child, 5_000);
    }
  }
  if (entry.group) signal(child, true, 'SIGKILL'); // whatever the leader left behind in its group
  running.delete(child);
}

/** Registers work to run if the bench is cut short; call the returned function once it has been done normally. */
export function onCleanup(cleanup: () => Promise<unknown>): () => void {
  installHandlers();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup and stops every registered child. */
export async function stopAll(): Promise<void> {
  const pending = [...cleanups].map((cleanup) => cleanup().catch(() => undefined));
  cleanups.clear();
  await Promise.all([...pending, ...[...running.keys()].map((child) => stopChild(child))]);
}

function installHandlers(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => {
    for (const [child, { group }] of running) signal(child, group, 'SIGKILL');
  });
  for (const [name, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(name, () => leave(`${name}: stopping what the benches started`, code));
  }
  process.on('uncaughtException', (error) => leave(`uncaught error: ${String(error?.stack ?? error)}`, 1));
  process.on('unhandledRejection', (error) => leave(`unhandled rejection: ${String(error)}`, 1));
}

let leaving = false;
function leave(why: string, code: number): void {
  console.error(`\n[bench] ${why}`);
  if (leaving) process.exit(code); // a second signal: the exit handler kills what is left
  leaving = true;
  const timer = setTimeout(() => process.exit(code), STOP_GRACE_MS + 10_000);
  void stopAll().finally(() => {
    clearTimeout(timer);
    process.exit(code);
  });
}

function signal(child: ChildProcess, group: boolean, name: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(group ? -child.pid : child.pid, name);
  } catch {
    // already gone (ESRCH)
  }
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
