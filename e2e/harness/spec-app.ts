/**
 * A second app server (server.mjs, as `npm start`) on the same build, for a spec that needs settings the shared harness app must not have
 * (a static pool for flappy1, say). It runs in its own process group, stopped whole by `stop()` (idempotent),
 * killed outright by `kill()` (SIGKILL, as a crash) or, should the test process exit first, killed with it.
 * `output()` is what it printed (the last 16 KiB), for a spec to show when it fails.
 */
import { spawn } from 'node:child_process';

export interface SpecApp {
  url: string;
  stop(): Promise<void>;
  kill(): void;
  output(): string;
}

const KEPT_OUTPUT = 16 * 1024;

export async function startSpecApp(options: {
  host: string;
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<SpecApp> {
  const { host, port } = options;
  const child = spawn('node', ['server.mjs', '-p', String(port), '-H', host], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: String(port), ...options.env },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const group = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  const killNow = () => group('SIGKILL');
  process.once('exit', killNow);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killNow);
      // npx → next-server: wait for the whole group, not only npx, before giving up on a graceful stop.
      group('SIGTERM');
      const deadline = Date.now() + 5_000;
      while (group(0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      killNow();
    })());
  const url = `http://${host}:${port}`;
  await waitHealthy(url, () => exited, options.timeoutMs ?? 30_000).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  const kill = () => {
    process.off('exit', killNow);
    killNow();
  };
  return { url, stop, kill, output: () => output };
}

async function waitHealthy(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!exited() && Date.now() < deadline) {
    const status = await fetch(`${url}/api/v1/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start on ${url} did not become healthy (${exited() ? 'it exited' : 'timed out'})`);
}
