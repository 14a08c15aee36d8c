/**
 * A second `next start` on the same build, for a spec that needs settings the shared harness app must not have
 * (a static pool for flappy1, say). Stopped with its whole process tree; `stop()` may be called more than once.
 */
import { runNext, type ChildHandle } from './stack';

export interface SpecApp {
  url: string;
  stop(): Promise<void>;
}

export async function startSpecApp(options: {
  host: string;
  port: number;
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<SpecApp> {
  const { host, port } = options;
  const child: ChildHandle = runNext(
    ['start', '-p', String(port), '-H', host],
    { PORT: String(port), ...options.env },
    'ignore',
  );
  const url = `http://${host}:${port}`;
  let stopping: Promise<void> | null = null;
  const app = { url, stop: () => (stopping ??= child.stop()) };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const exited = child.exited.then((code) => code);
  for (;;) {
    const status = await fetch(`${url}/api/v1/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return app;
    const gone = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve(null), 200))]);
    if (gone !== null || Date.now() > deadline) {
      await app.stop();
      throw new Error(
        `next start on ${url} did not become healthy (${gone === null ? 'timed out' : `exited ${gone}`})`,
      );
    }
  }
}
