/**
 * Times the overview page in Chromium with 2,000, 10,000 and 20,000 servers (against HAProxy's own HTML stats
 * page with 2,000), and one re-sort of the whole table (a header click until the next frame).
 * Needs a production build (`next build`) and /usr/sbin/haproxy. Run: npx tsx e2e/bench/page-bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, median, printTable } from './measure';

const CSV_PORT = 18635;
const APP_PORT = 18636;
const HAPROXY_STATS_PORT = 18637;
const RUNS = 5;
/** HAProxy's own page is 2.3 kB of HTML per server: for 10,000 it takes minutes to load on a 2-core machine. */
const HAPROXY_PAGE_UP_TO = 2_000;

export async function runPageBench(serverCounts = [2_000, 10_000, 20_000]): Promise<void> {
  if (!existsSync('.next/BUILD_ID'))
    throw new Error('page bench needs a production build: run `npx next build` first');
  let csv = '';
  const csvServer = http.createServer((_req, res) => res.end(csv));
  await new Promise<void>((resolve) => csvServer.listen(CSV_PORT, '127.0.0.1', resolve));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-'));
  const app = startApp(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const rows: Record<string, string | number>[] = [];
  try {
    for (const servers of serverCounts) {
      csv = generateStatsCsv({ backends: servers / 10, serversPerBackend: 10, seed: 3 });
      await waitForServers(servers);
      const overviewMs = await timePage(
        browser,
        `http://127.0.0.1:${APP_PORT}/`,
        '[data-testid^="server-row-"]',
      );
      const sortMs = await timeSort(browser, `http://127.0.0.1:${APP_PORT}/`);
      const haproxyMs = servers <= HAPROXY_PAGE_UP_TO ? await timeHaproxyPage(browser, servers) : null;
      const row = {
        servers,
        'hapscope overview ms (median of 5)': fmt(overviewMs, 0),
        "HAProxy's stats page ms": fmt(haproxyMs, 0),
        ratio: haproxyMs === null ? 'n/a' : fmt(overviewMs / haproxyMs, 2),
        're-sort by name ms': fmt(sortMs, 0),
      };
      console.error(JSON.stringify(row)); // progress: a long run keeps what it measured
      rows.push(row);
    }
  } finally {
    await browser.close();
    // npx runs next-server as its child: end the whole process group, or the server outlives the bench.
    if (app.pid) process.kill(-app.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    csvServer.close();
  }
  printTable('Page load in Chromium: navigation → first server row visible (HAProxy: load event)', rows);
}

function startApp(dataDir: string): ChildProcess {
  return spawn('node', ['server.mjs', '-p', String(APP_PORT)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      HAPROXY_STATS_URL: `bench=http://127.0.0.1:${CSV_PORT}/stats`,
      POLL_INTERVAL_MS: '2000',
      DATA_DIR: dataDir,
      K8S_ENABLED: 'false',
      AUTH_MODE: 'none', // the page's own cost; access-bench.ts measures identity's
    },
    stdio: 'ignore',
    detached: true,
  });
}

async function waitForServers(expected: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      const snapshot = (await (await fetch(`http://127.0.0.1:${APP_PORT}/api/v1/snapshot`)).json()) as {
        backends: { servers: unknown[] }[];
      };
      if (snapshot.backends.reduce((n, b) => n + b.servers.length, 0) === expected) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app never showed ${expected} servers`);
}

async function timePage(browser: Browser, url: string, readySelector: string | null): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: readySelector ? 'commit' : 'load', timeout: 300_000 });
    if (readySelector) await page.locator(readySelector).first().waitFor({ timeout: 120_000 });
    if (i > 0) times.push(performance.now() - start); // the first run warms the server
    await context.close();
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
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.locator('[data-testid^="server-row-"]').first().waitFor({ timeout: 120_000 });
  const times: number[] = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const ms = (await page.evaluate(sortClick(SORT_CYCLE[i % 3]!))) as number;
    if (i > 0) times.push(ms);
  }
  await context.close();
  return median(times);
}

async function timeHaproxyPage(browser: Browser, servers: number): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hapscope-bench-haproxy-'));
  const backends = Array.from({ length: servers / 10 }, (_, b) =>
    [
      `backend be_${b}`,
      ...Array.from({ length: 10 }, (_, s) => `  server s${s} 127.0.0.1:${20000 + s}`),
    ].join('\n'),
  );
  const config = [
    'global\n  maxconn 1000',
    'defaults\n  mode http\n  timeout connect 1s\n  timeout client 10s\n  timeout server 10s',
    `frontend stats\n  bind 127.0.0.1:${HAPROXY_STATS_PORT}\n  stats enable\n  stats uri /stats`,
    ...backends,
  ].join('\n\n');
  writeFileSync(path.join(dir, 'haproxy.cfg'), `${config}\n`);
  const haproxy = spawn('/usr/sbin/haproxy', ['-f', path.join(dir, 'haproxy.cfg'), '-db'], {
    stdio: 'ignore',
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return await timePage(browser, `http://127.0.0.1:${HAPROXY_STATS_PORT}/stats`, null);
  } finally {
    haproxy.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('page-bench.ts')) void runPageBench();
