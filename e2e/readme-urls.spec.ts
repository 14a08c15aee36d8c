// The README's first embed URL and first badge URL work as written against the demo: starts the demo's HAProxy
// stack (`demo.ts --stack-only`) and a `next start` of our own on another port, then opens the two URLs there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { SnapshotDto } from '@/lib/api/snapshot-dto';
import { serverBadge } from '@/lib/badges/badge-content';

const PORT = 18485;
const APP = `http://127.0.0.1:${PORT}`;
const DEMO_STATS = 'http://127.0.0.1:8404/stats';
const DEMO_SOCKET = path.resolve('.demo/haproxy.sock');

const readme = readFileSync('README.md', 'utf8');
/** The first http://localhost:3000… URL whose path starts with `prefix`, pointed at our own server. */
function firstUrl(prefix: string): string {
  const match = new RegExp(`http://localhost:3000(${prefix}[^\\s"'<>)\`]*)`).exec(readme);
  if (!match) throw new Error(`README.md has no http://localhost:3000${prefix}… URL`);
  return `${APP}${match[1]}`;
}

const children: ChildProcess[] = [];
const start = (command: string, args: string[], env: Record<string, string>) => {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore', detached: true });
  children.push(child);
  return child;
};

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const snapshot = async () => (await (await fetch(`${APP}/api/v1/snapshot`)).json()) as SnapshotDto;

test.describe('README URLs against the demo', () => {
  test.describe.configure({ timeout: 180_000 });
  let dataDir: string | undefined;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const up = await fetch(DEMO_STATS).then(
      () => true,
      () => false,
    );
    if (up) throw new Error(`something already answers on ${DEMO_STATS}: stop the running demo first`);
    dataDir = mkdtempSync(path.join(tmpdir(), 'hapscope-readme-'));
    // The demo imports the store, which is server-only: run it as npm run demo does.
    start('node_modules/.bin/tsx', ['--conditions=react-server', 'e2e/harness/demo.ts', '--stack-only'], {});
    await waitFor('the demo HAProxy', async () => ((await fetch(`${DEMO_STATS};csv`)).ok ? true : null));
    start('node', ['server.mjs', '-p', String(PORT), '-H', '127.0.0.1'], {
      NEXT_TELEMETRY_DISABLED: '1',
      HAPROXY_STATS_URL: `demo=${DEMO_STATS},demo-sock=unix:${DEMO_SOCKET}`,
      POLL_INTERVAL_MS: '1000',
      DATA_DIR: dataDir,
      K8S_ENABLED: 'false',
    });
    await waitFor('the app to poll the demo', async () =>
      (await snapshot()).backends.some((b) => b.instance === 'demo') ? true : null,
    );
  });

  test.afterAll(async () => {
    for (const child of children)
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((resolve) => c.once('exit', resolve)) : null)),
    );
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test("the first embed URL shows the backend's live servers", async ({ page }) => {
    const url = firstUrl('/embed/');
    const target = new URL(url).searchParams;
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    const live = (await snapshot()).backends.find(
      (b) => b.instance === target.get('instance') && b.name === target.get('backend'),
    );
    expect(live, 'the README names a backend the demo has').toBeTruthy();
    for (const server of live!.servers) {
      await expect(page.getByTestId(`embed-server-${server.name}`).getByTestId('status-badge')).toBeVisible();
    }
    await expect(page.getByTestId('embed-problem')).toHaveCount(0);
  });

  test('the first badge URL answers an SVG that says what the snapshot says', async ({ request }) => {
    const url = firstUrl('/api/v1/badge/');
    const [, instance, backend, name] = /\/badge\/server\/([^/]+)\/([^/]+)\/([^/?]+)\.svg/.exec(url) ?? [];
    expect(name, 'the first badge is a server badge').toBeTruthy();
    await expect
      .poll(async () => {
        const res = await request.get(url);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toContain('image/svg+xml');
        const title = /<title>([^<]*)<\/title>/.exec(await res.text())?.[1];
        const server = (await snapshot()).backends
          .find((b) => b.instance === instance && b.name === backend)
          ?.servers.find((s) => s.name === name);
        const spec = server && serverBadge(name!, server);
        return spec ? title === `${spec.label}: ${spec.message}` : `no server ${name}`;
      })
      .toBe(true);
  });
});
