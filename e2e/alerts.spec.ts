// Alerts in the browser against the real HAProxy: a flapping server (flappy1, checks every 250 ms) fires a flap
// alert, the browser shows a toast, an alert-center entry and ONE desktop notification across two tabs; it resolves
// after the hysteresis; and the stream resumes with Last-Event-ID across a server restart without losing a change.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E } from './harness/e2e-topology';

const FLAPPY = E2E.agents.flappy1!;
const POLL_MS = E2E.pollIntervalMs;

interface RecordedNotification {
  title: string;
  body: string;
  tag: string;
  at: number;
}
interface Recorded {
  __notifications: RecordedNotification[];
  __alertSeqs: number[];
  __alertEvents: { seq: number; id: string; change: string; firedAt: string; at: number }[];
  __streams: string[];
}

/** Runs in every page before the app: records Notification constructor calls and the stream's alert events. */
function recordBrowserApis() {
  const w = window as unknown as Recorded & { Notification: unknown; EventSource: typeof EventSource };
  w.__notifications = [];
  w.__alertSeqs = [];
  w.__alertEvents = [];
  w.__streams = [];
  const RealNotification = window.Notification;
  function RecordedNotification(title: string, options?: NotificationOptions) {
    w.__notifications.push({ title, body: options?.body ?? '', tag: options?.tag ?? '', at: Date.now() });
    return new RealNotification(title, options);
  }
  Object.defineProperty(RecordedNotification, 'permission', { get: () => RealNotification.permission });
  Object.assign(RecordedNotification, {
    requestPermission: (...args: Parameters<typeof Notification.requestPermission>) =>
      RealNotification.requestPermission(...args),
  });
  RecordedNotification.prototype = RealNotification.prototype;
  w.Notification = RecordedNotification;
  const RealEventSource = window.EventSource;
  class RecordedEventSource extends RealEventSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      w.__streams.push(String(url));
      this.addEventListener('alert', (e) => {
        const { lastEventId, data } = e as MessageEvent<string>;
        const event = JSON.parse(data) as { id: string; change: string; firedAt: string };
        w.__alertSeqs.push(Number(lastEventId));
        w.__alertEvents.push({ seq: Number(lastEventId), ...event, at: Date.now() });
      });
    }
  }
  w.EventSource = RecordedEventSource;
}

const notificationsOf = (page: Page) => page.evaluate(() => (window as unknown as Recorded).__notifications);
const seqsOf = (page: Page) => page.evaluate(() => (window as unknown as Recorded).__alertSeqs);

async function openTab(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(recordBrowserApis);
  await page.goto(url);
  await expect(page.getByTestId('alert-stream-status')).toHaveAttribute('data-state', 'open');
  return page;
}

/** Polls HAProxy's CSV every ~100 ms and notes when a server's status changes (UP ↔ DOWN, ignoring x/y). */
function watchHaproxy(statsUrl: string, backend: string, server: string) {
  const changes: { at: number; status: string }[] = [];
  let stopped = false;
  const loop = async () => {
    while (!stopped) {
      const text = await fetch(`${statsUrl};csv`, { cache: 'no-store' })
        .then((r) => r.text())
        .catch(() => '');
      const [header, ...rows] = text.split('\n');
      const col = (header ?? '').replace(/^# /, '').split(',').indexOf('status');
      const row = rows.map((r) => r.split(',')).find((r) => r[0] === backend && r[1] === server);
      const status = row?.[col]?.split(' ')[0];
      if (status && changes.at(-1)?.status !== status) changes.push({ at: Date.now(), status });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  void loop();
  return { changes, stop: () => (stopped = true) };
}

const isFlappy = (n: RecordedNotification) => n.tag.startsWith('flapping:') && n.tag.includes('/flappy1@');

test.describe('alerts', () => {
  test.afterEach(async () => {
    await setAgentMode(FLAPPY.controlUrl, 'ok');
  });

  test('a flapping server: toast, alert-center entry and one notification across two tabs; resolves after the hysteresis', async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const context = await browser.newContext({ baseURL: E2E.appUrl });
    await context.grantPermissions(['notifications'], { origin: E2E.appUrl });
    const center = await openTab(context, '/alerts');
    const overview = await openTab(context, '/');
    await expect(center.getByTestId('notification-settings')).toHaveAttribute('data-permission', 'granted');
    const haproxy = watchHaproxy(E2E.statsUrl, 'flappy_backend', 'flappy1');
    try {
      // (a) flapping: a notification, a toast in both tabs, an entry in the alert center.
      await setAgentMode(FLAPPY.controlUrl, 'flap:2000:2000');
      const flapStartedAt = Date.now();
      await expect
        .poll(
          async () =>
            [...(await notificationsOf(center)), ...(await notificationsOf(overview))].filter(isFlappy),
          {
            timeout: 30_000,
          },
        )
        .not.toHaveLength(0);
      const fired = [...(await notificationsOf(center)), ...(await notificationsOf(overview))].filter(
        isFlappy,
      );
      expect(`${fired[0]!.title} ${fired[0]!.body}`).toContain('flappy1');
      expect(fired[0]!.body).toMatch(/flapped \d+ times in \d+ s/);
      const notifiedAt = Math.min(...fired.map((n) => n.at));
      const lastChange = haproxy.changes.filter((c) => c.at <= notifiedAt).at(-1)!;
      const latency = notifiedAt - lastChange.at;
      test.info().annotations.push(
        {
          type: 'HAProxy status change → browser Notification',
          description: `${latency} ms (poll ${POLL_MS} ms)`,
        },
        { type: 'flap started → notification', description: `${notifiedAt - flapStartedAt} ms` },
        {
          type: 'HAProxy changes before it',
          description: `${haproxy.changes.filter((c) => c.at <= notifiedAt).length}`,
        },
      );
      const received = (await center.evaluate(() => (window as unknown as Recorded).__alertEvents)).find(
        (e) => e.change === 'fired' && e.id === fired[0]!.tag,
      );
      const firedAt = received ? Date.parse(received.firedAt) : NaN;
      const breakdown = `HAProxy change → app poll/evaluation ${firedAt - lastChange.at} ms, → event in the page ${(received?.at ?? NaN) - firedAt} ms, → Notification ${notifiedAt - (received?.at ?? NaN)} ms`;
      test.info().annotations.push({ type: 'latency breakdown', description: breakdown });
      console.log(`[alerts] HAProxy status change → Notification: ${latency} ms (${breakdown})`);

      for (const page of [center, overview]) {
        await expect(
          page
            .getByTestId('alert-toast')
            .filter({ hasText: 'flappy1' })
            .filter({ hasText: 'Flapping' })
            .first(),
        ).toBeVisible();
      }
      const entry = center
        .getByTestId('firing-list')
        .locator('[data-testid="alert-item"][data-kind="flapping"]')
        .filter({ hasText: 'flappy_backend/flappy1' })
        .first();
      await expect(entry).toBeVisible();
      await expect(entry).toContainText(/flapped \d+ times/);
      await expect(center).toHaveTitle(/^\(\d+\) /);

      // (b) back to ok: the alert resolves once the weighted change falls under 5 %.
      await setAgentMode(FLAPPY.controlUrl, 'ok');
      const resolvedEntry = center
        .getByTestId('resolved-list')
        .locator('[data-testid="alert-item"][data-kind="flapping"][data-state="resolved"]')
        .filter({ hasText: 'flappy_backend/flappy1' })
        .first();
      await expect(resolvedEntry).toBeVisible({ timeout: 40_000 });
      await expect(resolvedEntry).toContainText(/lasted/);
      await expect(
        overview
          .locator('[data-testid="alert-toast"][data-change="resolved"]')
          .filter({ hasText: 'flappy1' })
          .first(),
      ).toBeVisible();

      // (c) two tabs, one notification per alert change.
      await expect
        .poll(
          async () =>
            (await notificationsOf(center)).concat(await notificationsOf(overview)).filter(isFlappy).length,
        )
        .toBeGreaterThanOrEqual(2);
      await center.waitForTimeout(1000);
      const all = (await notificationsOf(center)).concat(await notificationsOf(overview)).filter(isFlappy);
      const perChange = new Map<string, number>();
      for (const n of all) {
        const key = `${n.tag} ${n.title.startsWith('Resolved') ? 'resolved' : 'fired'}`;
        perChange.set(key, (perChange.get(key) ?? 0) + 1);
      }
      expect(
        [...perChange.values()].every((count) => count === 1),
        JSON.stringify([...perChange]),
      ).toBe(true);
      expect([...perChange.keys()].some((k) => k.endsWith('resolved'))).toBe(true);
    } finally {
      haproxy.stop();
      await context.close();
    }
  });

  test('the stream resumes with Last-Event-ID after a server restart and loses no change; no stream leaks', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const port = E2E.appPort + 3;
    const appUrl = `http://${E2E.host}:${port}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-alerts-e2e-'));
    const start = () => startApp(port, dataDir);
    let app = await start();
    const context = await browser.newContext({ baseURL: appUrl });
    try {
      const page = await openTab(context, '/alerts');
      const streamRequests: { url: string; lastEventId: string | undefined; at: number }[] = [];
      // allHeaders(): Last-Event-ID is added by the network stack, not among the request's provisional headers.
      page.on('request', async (req) => {
        if (!req.url().includes('/api/v1/alerts/stream')) return;
        const at = Date.now();
        const headers = await req.allHeaders().catch(() => ({}) as Record<string, string>);
        streamRequests.push({ url: req.url(), lastEventId: headers['last-event-id'], at });
      });
      const states: string[] = [];
      await page.exposeFunction('__streamState', (s: string) => states.push(s));
      await page.evaluate(() => {
        const el = document.querySelector('[data-testid="alert-stream-status"]')!;
        new MutationObserver(() =>
          (window as unknown as { __streamState(s: string): void }).__streamState(
            el.getAttribute('data-state') ?? '',
          ),
        ).observe(el, { attributes: true });
      });

      // Something fires while the page watches (down with no grace).
      await setAgentMode(FLAPPY.controlUrl, 'fail');
      await expect(
        page.getByTestId('firing-list').locator('[data-kind="down"]').filter({ hasText: 'flappy1' }).first(),
      ).toBeVisible({ timeout: 10_000 });
      const before = await seqsOf(page);
      const lastSeq = Math.max(...before);

      // Server down; meanwhile the agent recovers, so the restarted server's first evaluation resolves the alerts.
      const killedAt = Date.now();
      await app.stop();
      await expect(page.getByTestId('alert-stream-status')).not.toHaveAttribute('data-state', 'open');
      await expect(page.getByText('Alert stream disconnected — retrying…')).toBeVisible();
      await setAgentMode(FLAPPY.controlUrl, 'ok');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      app = await start();

      await expect(page.getByTestId('alert-stream-status')).toHaveAttribute('data-state', 'open', {
        timeout: 30_000,
      });
      await expect(
        page
          .getByTestId('resolved-list')
          .locator('[data-kind="down"]')
          .filter({ hasText: 'flappy1' })
          .first(),
      ).toBeVisible({ timeout: 15_000 });
      expect(states).toContain('open');
      expect(states.some((s) => s !== 'open')).toBe(true);

      // Every change after the page's last seq, in order, none missing: compare with a fresh resume of the stream.
      const expected = await readStream(`${appUrl}/api/v1/alerts/stream?lastEventId=${lastSeq}`, 1500);
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(async () => (await seqsOf(page)).filter((s) => s > lastSeq)).toEqual(expected);
      const reconnects = streamRequests.filter((r) => r.at > killedAt);
      expect(
        reconnects.some((r) => r.lastEventId === String(lastSeq) || r.url.endsWith(`lastEventId=${lastSeq}`)),
        JSON.stringify(reconnects),
      ).toBe(true);
      test.info().annotations.push({
        type: 'resumed after restart',
        description: `last seq ${lastSeq}, then ${JSON.stringify(expected)}; reconnects: ${reconnects.length}`,
      });

      // (e) no leak: the stream count goes back down when the page goes.
      await expect.poll(() => streamClients(appUrl)).toBe(1);
      await page.close();
      await expect.poll(() => streamClients(appUrl), { timeout: 10_000 }).toBe(0);
    } finally {
      await context.close();
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

interface App {
  stop(): Promise<void>;
}

/** Our own `next start` on the same build, one source, a given data dir; killed as a process group. */
async function startApp(port: number, dataDir: string): Promise<App> {
  const child: ChildProcess = spawn('node', ['server.mjs', '-p', String(port), '-H', E2E.host], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      HAPROXY_STATS_URL: E2E.statsUrl,
      POLL_INTERVAL_MS: String(POLL_MS),
      DATA_DIR: dataDir,
      K8S_ENABLED: 'false',
      ALERT_DOWN_GRACE_MS: '0',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
    },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${E2E.host}:${port}/api/v1/health`;
  await expect
    .poll(
      () =>
        fetch(url).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000, intervals: [200] },
    )
    .toBe(200);
  const groupAlive = () => {
    try {
      process.kill(-child.pid!, 0);
      return true;
    } catch {
      return false;
    }
  };
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  return {
    // The whole group (npx → next-server): SIGTERM, then SIGKILL for whatever still runs after 3 s.
    stop: async () => {
      kill('SIGTERM');
      const deadline = Date.now() + 3_000;
      while (groupAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      if (groupAlive()) {
        console.log('[alerts] next-server still running 3 s after SIGTERM (open streams?): SIGKILL');
        kill('SIGKILL');
      }
      await exited;
      while (groupAlive()) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

/** The ids a stream sends within `ms`. */
async function readStream(url: string, ms: number): Promise<number[]> {
  const controller = new AbortController();
  const ids: number[] = [];
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      ids.length = 0;
      for (const match of text.matchAll(/^id: (\d+)$/gm)) ids.push(Number(match[1]));
    }
  } catch {
    // aborted: the time is up
  } finally {
    clearTimeout(timer);
  }
  return ids;
}

async function streamClients(appUrl: string): Promise<number> {
  const text = await fetch(`${appUrl}/metrics`).then((r) => r.text());
  const match = /^hapscope_alert_stream_clients(?:\{[^}]*\})? (\d+)/m.exec(text);
  return match ? Number(match[1]) : -1;
}
