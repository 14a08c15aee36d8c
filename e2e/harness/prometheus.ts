/**
 * A real Prometheus (Debian's /usr/bin/prometheus) for a spec: a temp config and data dir, one scrape job on a
 * loopback port. `stop()` is idempotent and also runs if the test process exits first, so none is left behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const PROMETHEUS_BIN = '/usr/bin/prometheus';
export const PROMTOOL_BIN = '/usr/bin/promtool';

export interface PrometheusHandle {
  url: string;
  stop(): Promise<void>;
}

/** `credentialsFile`: the README's scrape config, with the API token in a file (`authorization.credentials_file`). */
export function prometheusConfig(
  job: string,
  target: string,
  intervalSec: number,
  credentialsFile?: string,
): string {
  return [
    'global:',
    `  scrape_interval: ${intervalSec}s`,
    `  scrape_timeout: ${intervalSec}s`,
    'scrape_configs:',
    `  - job_name: ${job}`,
    '    metrics_path: /metrics',
    ...(credentialsFile
      ? ['    authorization:', '      type: Bearer', `      credentials_file: ${credentialsFile}`]
      : []),
    '    static_configs:',
    `      - targets: ['${target}']`,
    '',
  ].join('\n');
}

export async function startPrometheus(options: {
  host: string;
  port: number;
  /** host:port of the app to scrape. */
  target: string;
  intervalSec?: number;
  /** An API token for /metrics, written to a file Prometheus reads on every scrape. */
  token?: string;
}): Promise<PrometheusHandle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-prometheus-'));
  const config = path.join(dir, 'prometheus.yml');
  const credentials = options.token === undefined ? undefined : path.join(dir, 'hapscope-token');
  if (credentials) writeFileSync(credentials, `${options.token}\n`, { mode: 0o600 });
  writeFileSync(config, prometheusConfig('hapscope', options.target, options.intervalSec ?? 1, credentials));
  const listen = `${options.host}:${options.port}`;
  const child = spawn(
    PROMETHEUS_BIN,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=${listen}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const log: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killNow = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killNow);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killNow);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(killNow, 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    })());
  const url = `http://${listen}`;
  try {
    await waitReady(url, exited, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log.join('').slice(-2000)}`);
  }
  return { url, stop };
}

async function waitReady(url: string, exited: Promise<void>, timeoutMs: number): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (!gone && Date.now() < deadline) {
    const ok = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(
    gone ? `prometheus exited before ${url} was ready` : `prometheus at ${url} not ready in ${timeoutMs} ms`,
  );
}
