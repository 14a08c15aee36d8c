/**
 * Times the overview page in Chromium with 2,000, 10,000 and 20,000 servers (against HAProxy's own HTML stats
 * page up to 10,000), and one re-sort of the whole table (a header click until the next frame).
 * HAProxy's page is an anchor, not ours: at 10,000 servers it can take minutes on a 2-core machine, so it gets a
 * bounded wait and is reported as "> 60 s" when it does not finish; the bench goes on.
 * Needs a production build (`next build`) and /usr/sbin/haproxy. Run: npx tsx e2e/bench/page-bench.ts [servers…]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { errors, type Browser } from '@playwright/test';
import { launchBenchBrowser, type BenchBrowser } from './browser';
import { closeServer, requireBuild, serveCsv, startApp, stopApp, waitForServers, type BenchApp } from './app';
import { startChild, stopChild } from './children';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, median, printTable } from './measure';
import { moreThan, type BenchOutcome } from './outcome';

const CSV_PORT = 18800;
const APP_PORT = 18801;
const HAPROXY_STATS_PORT = 18802;
const RUNS = 5;
/** A page slower than this is timed once after the warm-up, not RUNS times: the bench must end on a slow machine. */
const SLOW_PAGE_MS = 10_000;
const HAPROXY_PAGE_UP_TO = 10_000;
const ANCHOR_TIMEOUT_MS = 60_000;
/** hapscope's own page: a timeout here is a failure of ours, not an anchor's. */
const OWN_TIMEOUT_MS = 180_000;

export async function runPageBench(
  serverCounts = [2_000, 10_000, 20_000],
  anchorTimeoutMs = ANCHOR_TIMEOUT_MS,
): Promise<BenchOutcome> {
  requireBuild('page bench');
  let csv = '';
  const csvServer = await serveCsv(CSV_PORT, () => csv);
  const rows: Record<string, string | number>[] = [];
  const anchorTimeouts: string[] = [];
  let app: BenchApp | undefined;
  let chrome: BenchBrowser | undefined;
  try {
    app = startApp({ port: APP_PORT, csvPort: CSV_PORT, env: { AUTH_MODE: 'none' } }); // the page's own cost; access-bench.ts: identity's
    chrome = await launchBenchBrowser();
    const { browser } = chrome;
    for (const servers of serverCounts) {
      csv = generateStatsCsv({ backends: servers / 10, serversPerBackend: 10, seed: 3 });
      await waitForServers(app, servers);
      const overviewMs = await timePage(
        browser,
        `${app.url}/`,
        '[data-testid^="server-row-"]',
        OWN_TIMEOUT_MS,
      );
      const sortMs = await timeSort(browser, `${app.url}/`);
      const haproxyMs =
        servers <= HAPROXY_PAGE_UP_TO ? await timeHaproxyPage(browser, servers, anchorTimeoutMs) : null;
      if (haproxyMs === 'timeout')
        anchorTimeouts.push(
          `HAProxy's stats page at ${servers.toLocaleString('en')} servers ${moreThan(anchorTimeoutMs)}`,
        );
      const row = {
        servers,
        'hapscope overview ms (median of 5)': fmt(overviewMs, 0),
        "HAProxy's stats page ms": haproxyMs === 'timeout' ? moreThan(anchorTimeoutMs) : fmt(haproxyMs, 0),
        ratio: ratio(overviewMs, haproxyMs, anchorTimeoutMs),
        're-sort by name ms': fmt(sortMs, 0),
      };
      console.error(JSON.stringify(row)); // progress: a long run keeps what it measured
      rows.push(row);
    }
  } finally {
    if (rows.length > 0)
      printTable(
        `Page load in Chromium: navigation → first server row visible (HAProxy: load event; a page over ${SLOW_PAGE_MS / 1000} s is timed once)`,
        rows,
      );
    await chrome?.close();
    if (app) await stopApp(app);
    await closeServer(csvServer);
  }
  return { anchorTimeouts };
}

/** hapscope's time over HAProxy's; against a page that ran out of time, an upper bound. */
function ratio(overviewMs: number, haproxyMs: number | 'timeout' | null, anchorTimeoutMs: number): string {
  if (haproxyMs === null) return 'n/a';
  if (haproxyMs === 'timeout') return `< ${fmt(overviewMs / anchorTimeoutMs, 2)}`;
  return fmt(overviewMs / haproxyMs, 2);
}

/** Median load time over RUNS (after a warm-up that is not counted); throws Playwright's TimeoutError. */
async function timePage(
  browser: Browser,
  url: string,
  readySelector: string | null,
  timeoutMs: number,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(url, { waitUntil: readySelector ? 'commit' : 'load', timeout: timeoutMs });
      if (readySelector) await page.locator(readySelector).first().waitFor({ timeout: timeoutMs });
      const ms = performance.now() - start;
      if (i > 0) times.push(ms); // the first run warms the server
      if (ms > SLOW_PAGE_MS && times.length > 0) break;
    } finally {
      await context.close();
    }
  }
  return median(times);
}

/** A header click cycles ascending → descending → unsorted. */
const SORT_CYCLE = ['ascending', 'descending', 'none'];

/** Browser code as text: tsx would wrap a function's inner closures in a helper the page does not have. */
const sortClick = (want: string) => `new Promise((resolve) => {
  const header = document.querySelector('[data-testid="sort-name"]');
  const start = performance.now();
  header.querySelector('button').click();
  const check = () => header.getAttribute('aria-sort') === '${want}'
    ? requestAnimationFrame(() => resolve(performance.now() - start))
    : requestAnimationFrame(check);
  check();
})`;

/** A click on the Server header until the frame after the table shows the new order (median of the clicks). */
async function timeSort(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit', timeout: OWN_TIMEOUT_MS });
    await page.locator('[data-testid^="server-row-"]').first().waitFor({ timeout: OWN_TIMEOUT_MS });
    const times: number[] = [];
    for (let i = 0; i < RUNS * 3; i++) {
      const ms = (await page.evaluate(sortClick(SORT_CYCLE[i % 3]!))) as number;
      if (i > 0) times.push(ms);
    }
    return median(times);
  } finally {
    await context.close();
  }
}

/** HAProxy's own HTML stats page for the same number of servers (no checks, so it starts at once). */
async function timeHaproxyPage(
  browser: Browser,
  servers: number,
  timeoutMs: number,
): Promise<number | 'timeout'> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-haproxy-'));
  writeFileSync(path.join(dir, 'haproxy.cfg'), haproxyConfig(servers));
  const haproxy = startChild('HAProxy', '/usr/sbin/haproxy', ['-f', path.join(dir, 'haproxy.cfg'), '-db'], {
    stdio: 'ignore',
  });
  try {
    const url = `http://127.0.0.1:${HAPROXY_STATS_PORT}/stats`;
    await waitForHaproxy(haproxy, url);
    return await timePage(browser, url, null, timeoutMs);
  } catch (error) {
    if (error instanceof errors.TimeoutError) return 'timeout';
    throw error;
  } finally {
    await stopChild(haproxy);
    rmSync(dir, { recursive: true, force: true });
  }
}

function haproxyConfig(servers: number): string {
  const backends = Array.from({ length: servers / 10 }, (_, b) =>
    [
      `backend be_${b}`,
      ...Array.from({ length: 10 }, (_, s) => `  server s${s} 127.0.0.1:${20000 + s}`),
    ].join('\n'),
  );
  return `${[
    'global\n  maxconn 1000',
    'defaults\n  mode http\n  timeout connect 1s\n  timeout client 10s\n  timeout server 10s',
    `frontend stats\n  bind 127.0.0.1:${HAPROXY_STATS_PORT}\n  stats enable\n  stats uri /stats`,
    ...backends,
  ].join('\n\n')}\n`;
}

async function waitForHaproxy(haproxy: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (haproxy.exitCode !== null)
      throw new Error(`HAProxy exited (${haproxy.exitCode}) before serving ${url}`);
    try {
      await (await fetch(`${url};csv`)).body?.cancel();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`HAProxy did not answer on ${url} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

if (process.argv[1]?.endsWith('page-bench.ts')) {
  const counts = process.argv.slice(2).map(Number);
  runPageBench(counts.length > 0 ? counts : undefined).then(
    (outcome) => outcome.anchorTimeouts?.forEach((anchor) => console.log(`anchor timed out: ${anchor}`)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
