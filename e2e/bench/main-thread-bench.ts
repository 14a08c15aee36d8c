/**
 * The browser's main-thread work per poll on the overview, at 10,000 and 20,000 servers (issue 13: median ≤ 16 ms,
 * one frame). The app polls a stats CSV every 2 s whose figures move like a real HAProxy's (statsCsvSeries: busy
 * servers' counters grow, ages grow, some check durations change, a rare server flips); the overview is open in
 * Chromium and, for POLLS polls, the renderer's main-thread busy time (CDP Performance.getMetrics → TaskDuration)
 * is read each time the app fetches the CSV: that is when the app starts a poll, so nothing of it can have reached
 * the page yet, whatever the page's transport (the overview's worker reads the event stream). Each window between
 * two reads holds one poll's work. Long tasks (> 50 ms) come from a PerformanceObserver installed before the page's
 * scripts.
 * Each size is measured in three passes (PASSES): as users get it; without CSS animation; and also without state
 * changes (no alerts). CPU ms (ThreadTime) beside TaskDuration shows what a busy machine added.
 * Figures only, but a pass in which the polls' data stops reaching the page (the worker's views counted per
 * window) measures nothing of the render: that is reported as a failure. Needs a production build.
 * Run: npx tsx e2e/bench/main-thread-bench.ts [servers…]
 * BENCH_APP_DIR=<another checkout with its own build> runs that one instead: the baseline, side by side.
 */
import os from 'node:os';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { launchBenchBrowser, type BenchBrowser } from './browser';
import { closeServer, requireBuild, serveCsv, startApp, stopApp, waitForServers, type BenchApp } from './app';
import { statsCsvSeries } from './generate-stats-csv';
import { fmt, median, printTable } from './measure';
import type { BenchOutcome } from './outcome';

const CSV_PORT = 18824;
const APP_PORT = 18825;
const POLL_MS = 2_000;
const POLLS = 20;
/**
 * Each size is measured as users get it; then without CSS animations (prefers-reduced-motion), which leaves the work
 * the polls cause; then also without state changes: no server flips, so no alert reaches the page, and what is left
 * is the poll's own (figures, ages). The default series flips one server every 5,000 server-polls: 4 a poll at
 * 20,000 servers, each an alert and a toast.
 */
const ALL_PASSES = [
  { reducedMotion: false, flips: true },
  { reducedMotion: true, flips: true },
  { reducedMotion: true, flips: false },
] as const;
/** BENCH_PASSES=12 runs the second and third only: a quicker run, e.g. to alternate two builds (BENCH_APP_DIR). */
const PASSES = ALL_PASSES.filter((_, i) => (process.env.BENCH_PASSES ?? '012').includes(String(i)));
/** Renders before the measured ones: the first paint and the first polls after it are not steady state. */
const WARM_UP_POLLS = 2;
const FRAME_MS = 16;
/** The nice value of the server and of this process while the browser is measured. */
const BACKGROUND_NICENESS = 19;
const LOAD_TIMEOUT_MS = 180_000;
/**
 * The servers already DOWN when a size's series starts (7 % of them: about 1,400 at 20,000) fire their alerts once
 * the app's down grace (ALERT_DOWN_GRACE_MS, 10 s by default) has passed: a burst of alerts, once. The first pass of
 * a size opens its tab after it, so that it measures the steady flips it means to, like the passes after it.
 */
const STARTUP_ALERTS_MS = 10_000 + 2 * POLL_MS;
/** More polls than this that never reached the open overview: the page is not following, a failure of ours. */
const MISSED_POLLS_ALLOWED = 2;

interface Metrics {
  /** Data the page had received: views of the overview's worker with a new arrival time, plus snapshot bytes. */
  views: number;
  taskMs: number;
  /** The main thread's CPU time: what is left of TaskDuration once waiting for a core on a shared machine is out. */
  cpuMs: number;
  scriptMs: number;
  layoutMs: number;
}

export async function runMainThreadBench(
  serverCounts = [10_000, 20_000],
  polls = POLLS,
): Promise<BenchOutcome> {
  requireBuild('main-thread bench');
  let nextCsv = () => '';
  const appPolls = new AppPolls();
  const csvServer = await serveCsv(CSV_PORT, () => nextCsv(), appPolls.heard);
  const rows: Record<string, string | number>[] = [];
  const failures: string[] = [];
  let app: BenchApp | undefined;
  let chrome: BenchBrowser | undefined;
  try {
    // What is measured is the browser's work. The server (polling 20,000 servers every 2 s) and this process
    // (writing their CSV) yield the machine's two cores to it: in production they are other machines.
    app = startApp({
      port: APP_PORT,
      csvPort: CSV_PORT,
      env: { AUTH_MODE: 'none', POLL_INTERVAL_MS: String(POLL_MS) },
      niceness: BACKGROUND_NICENESS,
    });
    chrome = await launchBenchBrowser();
    os.setPriority(BACKGROUND_NICENESS); // after Chromium started: it keeps its own priority
    const { browser } = chrome;
    for (const servers of serverCounts) {
      for (const pass of PASSES) {
        nextCsv = statsCsvSeries(
          { backends: servers / 10, serversPerBackend: 10, seed: 13 },
          pass.flips ? {} : { flipEvery: Number.POSITIVE_INFINITY },
        );
        await waitForServers(app, servers);
        if (pass === PASSES[0]) await new Promise((resolve) => setTimeout(resolve, STARTUP_ALERTS_MS));
        const { reducedMotion } = pass;
        const measured = await measureOverview(browser, app.url, appPolls, {
          polls,
          reducedMotion,
        });
        const row = {
          servers,
          'CSS animations': reducedMotion ? 'off (reduced motion)' : 'on',
          'state changes': pass.flips ? 'flips (alerts)' : 'none',
          ...measured,
        };
        console.error(JSON.stringify(row)); // progress: a long run keeps what it measured
        rows.push(row);
        if (measured['polls without new data'] > MISSED_POLLS_ALLOWED)
          failures.push(
            `${measured['polls without new data']} of ${measured.polls} polls never reached the overview at ${servers.toLocaleString('en')} servers (${row['CSS animations']}, state changes: ${row['state changes']})`,
          );
      }
    }
  } finally {
    if (rows.length > 0)
      printTable(
        `Overview in Chromium: main-thread busy ms per ${POLL_MS / 1000} s poll over ${polls} polls (CDP TaskDuration; bar: median ≤ ${FRAME_MS} ms), long tasks > 50 ms over the same polls`,
        rows,
      );
    await chrome?.close();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
  return { failures };
}

/**
 * One overview tab for `polls` polls. `reducedMotion` (prefers-reduced-motion: reduce, which globals.css answers
 * with no CSS animation) leaves only the work the polls cause: an animation that repaints runs every frame.
 */
async function measureOverview(
  browser: Browser,
  url: string,
  appPolls: AppPolls,
  { polls, reducedMotion }: { polls: number; reducedMotion: boolean },
) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    reducedMotion: reducedMotion ? 'reduce' : 'no-preference',
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(LONG_TASK_OBSERVER);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const views = await watchViews(cdp, page);
    const bytes = await watchSnapshotBytes(cdp);
    // Either way data may reach the page: views of the worker (this code), snapshot bytes (a page without one).
    const received = () => views() + bytes();
    await page.goto(`${url}/`, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
    await page.locator('[data-testid^="server-row-"]').first().waitFor({ timeout: LOAD_TIMEOUT_MS });
    for (let i = 0; i < WARM_UP_POLLS; i++) await appPolls.next();
    const longTasksBefore = (await page.evaluate('window.__longTasks.length')) as number;
    const windows = await sampleWindows(cdp, appPolls, polls, received);
    const longTasks = ((await page.evaluate('window.__longTasks')) as number[]).slice(longTasksBefore);
    const task = windows.map((w) => w.taskMs);
    return {
      'median ms': `${fmt(median(task), 0)} (bar ${FRAME_MS})`,
      'polls ≤ bar': `${task.filter((ms) => ms <= FRAME_MS).length} of ${task.length}`,
      'p95 ms': fmt(percentile(task, 0.95), 0),
      'max ms': fmt(Math.max(...task), 0),
      'CPU ms (median)': fmt(median(windows.map((w) => w.cpuMs)), 0),
      'script / layout+style ms (median)': `${fmt(median(windows.map((w) => w.scriptMs)), 0)} / ${fmt(median(windows.map((w) => w.layoutMs)), 0)}`,
      'long tasks': longTasks.length,
      'long tasks ms (total, max)': `${fmt(sum(longTasks), 0)}, ${fmt(Math.max(0, ...longTasks), 0)}`,
      polls: windows.length,
      // A poll whose data never reached the page costs it nothing: a figure that says nothing of the render.
      'polls without new data': windows.filter((w) => w.views === 0).length,
    };
  } finally {
    await context.close();
  }
}

/** Browser code as text: tsx would wrap a function's inner closures in a helper the page does not have. */
const LONG_TASK_OBSERVER = `window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });`;

/** Reads the metrics at POLLS + 1 app polls: one window per poll. */
async function sampleWindows(cdp: CDPSession, appPolls: AppPolls, polls: number, received: () => number) {
  const samples: Metrics[] = [];
  while (samples.length < polls + 1) {
    await appPolls.next();
    samples.push({ ...(await metrics(cdp)), views: received() });
  }
  return samples.slice(1).map((m, i) => ({
    views: m.views - samples[i]!.views,
    taskMs: m.taskMs - samples[i]!.taskMs,
    cpuMs: m.cpuMs - samples[i]!.cpuMs,
    scriptMs: m.scriptMs - samples[i]!.scriptMs,
    layoutMs: m.layoutMs - samples[i]!.layoutMs,
  }));
}

/** Answered by the renderer's main thread between two tasks: a sample never cuts one in half. */
async function metrics(cdp: CDPSession): Promise<Omit<Metrics, 'views'>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const ms = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    taskMs: ms('TaskDuration'),
    cpuMs: ms('ThreadTime'),
    scriptMs: ms('ScriptDuration'),
    layoutMs: ms('LayoutDuration') + ms('RecalcStyleDuration'),
  };
}

/**
 * Polls whose data reached the page: the overview's worker (components/panels/live-overview) receives the stream
 * and posts the page a view stamped with the time the data arrived (overview-view.ts, WorkerMessage). A script that runs before the page's own tells
 * the bench, through a CDP binding (no evaluation inside a measured window), each new arrival time it sees.
 */
async function watchViews(cdp: CDPSession, page: Page): Promise<() => number> {
  const arrivals = new Set<string>();
  cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
    if (name === VIEW_BINDING) arrivals.add(payload);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: VIEW_BINDING });
  await page.addInitScript(VIEW_WATCHER);
  return () => arrivals.size;
}

const VIEW_BINDING = '__hapscopeBenchView';
const VIEW_WATCHER = `(() => {
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        // A view, tagged (this build) or bare (builds before the worker posted health and the pool matrix too).
        const data = event.data;
        const view = data && data.kind === 'view' ? data.view : data;
        const at = view && view.status && view.status.receivedAt;
        if (at) window.${VIEW_BINDING}(String(at));
      });
    }
  };
})();`;

/**
 * Snapshot bytes reaching the page itself (any URL with /snapshot in its path): how a build that reads the stream
 * on the page's thread (before the worker; a baseline run with BENCH_APP_DIR) shows its polls arriving.
 */
async function watchSnapshotBytes(cdp: CDPSession): Promise<() => number> {
  const snapshotRequests = new Set<string>();
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (new URL(request.url).pathname.includes('/snapshot')) snapshotRequests.add(requestId);
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    if (snapshotRequests.has(requestId)) bytes += dataLength;
  });
  await cdp.send('Network.enable');
  return () => bytes;
}

/** The app's polls, as the CSV server hears them: `heard` on each fetch, `next` waits for the coming one. */
class AppPolls {
  private waiting: (() => void)[] = [];

  heard = (): void => {
    for (const resolve of this.waiting.splice(0)) resolve();
  };

  next(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the app did not poll within 3 intervals')),
        3 * POLL_MS,
      );
      this.waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

if (process.argv[1]?.endsWith('main-thread-bench.ts')) {
  const counts = process.argv.slice(2).map(Number);
  runMainThreadBench(counts.length > 0 ? counts : undefined).then(
    ({ failures = [] }) => {
      failures.forEach((failure) => console.log(`FAILED: ${failure}`));
      process.exit(failures.length > 0 ? 1 : 0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
