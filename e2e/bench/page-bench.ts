/**
 * Times the overview page in Chromium with 2,000 and 10,000 servers, against HAProxy's own HTML stats page
 * with the same number of servers. Needs a production build (`next build`) and /usr/sbin/haproxy.
 * Run: npx tsx e2e/bench/page-bench.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../harness/chromium';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, median, printTable } from './measure';

const CSV_PORT = 18790;
const APP_PORT = 18791;
const HAPROXY_STATS_PORT = 18792;
const RUNS = 5;

export async function runPageBench(serverCounts = [2_000, 10_000]): Promise<void> {
  if (!existsSync('.next/BUILD_ID'))
    throw new Error('page bench needs a production build: run `npx next build` first');
  let csv = '';
  const csvServer = http.createServer((_req, res) => res.end(csv));
  await new Promise<void>((resolve) => csvServer.listen(CSV_PORT, '127.0.0.1', resolve));
  const app = startApp();
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
      const haproxyMs = await timeHaproxyPage(browser, servers);
      rows.push({
        servers,
        'hapscope overview ms (median of 5)': fmt(overviewMs, 0),
        "HAProxy's stats page ms": fmt(haproxyMs, 0),
        ratio: fmt(overviewMs / haproxyMs, 2),
      });
    }
  } finally {
    await browser.close();
    app.kill('SIGTERM');
    csvServer.close();
  }
  printTable('Page load in Chromium: navigation → first server row visible (HAProxy: load event)', rows);
}

function startApp(): ChildProcess {
  return spawn('npx', ['next', 'start', '-p', String(APP_PORT)], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      HAPROXY_STATS_URL: `bench=http://127.0.0.1:${CSV_PORT}/stats`,
      POLL_INTERVAL_MS: '2000',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'hapscope-bench-')),
      K8S_ENABLED: 'false',
    },
    stdio: 'ignore',
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
    await page.goto(url, { waitUntil: readySelector ? 'commit' : 'load', timeout: 120_000 });
    if (readySelector) await page.locator(readySelector).first().waitFor({ timeout: 120_000 });
    if (i > 0) times.push(performance.now() - start); // the first run warms the server
    await context.close();
  }
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
  }
}

if (process.argv[1]?.endsWith('page-bench.ts')) void runPageBench();
