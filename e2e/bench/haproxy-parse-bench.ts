/*
 * Parse + normalize against HAProxy's own fetch time, on the CSV a real HAProxy serves for 10,000 and 20,000
 * servers (no health checks, so it starts fast; the servers point at a closed port). The budget: parse +
 * normalize ≤ 2 × the fetch. `npx tsx e2e/bench/haproxy-parse-bench.ts`; prints figures, asserts nothing.
 * Self-contained but for children.ts (it spawns HAProxy itself and picks toProxies or, on older trees,
 * toBackends), so the two files copied onto an earlier commit measure it for the "before" figures.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import * as toBackendsModule from '@/lib/haproxy/to-backends';
import { startChild, stopChild } from './children';

const VERSIONS = [
  { label: '2.6', bin: '/usr/sbin/haproxy' },
  { label: '3.4', bin: '/work/shared/tools/haproxy/3.4.0/haproxy' },
];
const SERVER_COUNTS = [10_000, 20_000];
const SERVERS_PER_BACKEND = 20;
const FETCHES = 9;
const RUNS = 15;
const PORTS = { stats: 18810, www: 18811, closed: 18819 };
const MB = 1_000_000;

type Normalize = (rows: ReturnType<typeof parseStatsCsv>, instance: string) => unknown;
const modules = toBackendsModule as Record<string, unknown>;
const normalizeName = typeof modules.toProxies === 'function' ? 'toProxies' : 'toBackends';
const normalize = modules[normalizeName] as Normalize;

interface Figures {
  version: string;
  servers: number;
  rows: number;
  bytes: number;
  fetchMs: number;
  parseMs: number;
  normalizeMs: number;
}

export async function runHaproxyParseBench(): Promise<void> {
  console.log(
    `\nreal-HAProxy parse bench: /stats;csv fetch (median of ${FETCHES}, whole body read) vs parseStatsCsv() + ` +
      `${normalizeName}() of that text (median of ${RUNS}); budget (parse + normalize) / fetch ≤ 2`,
  );
  const figures: Figures[] = [];
  for (const version of VERSIONS.filter((v) => existsSync(v.bin))) {
    for (const servers of SERVER_COUNTS) figures.push(await measure(version, servers));
  }
  printTable(figures);
}

async function measure(version: { label: string; bin: string }, servers: number): Promise<Figures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-parse-bench-'));
  const configPath = path.join(dir, 'haproxy.cfg');
  writeFileSync(configPath, benchConfig(servers));
  const haproxy = await start(version.bin, configPath);
  try {
    const url = `http://127.0.0.1:${PORTS.stats}/stats;csv`;
    let text = '';
    const fetchMs = await medianMsAsync(FETCHES, async () => {
      text = await (await fetch(url, { cache: 'no-store' })).text();
    });
    const rows = parseStatsCsv(text);
    const serverRows = rows.filter((row) => row.type === '2').length;
    if (serverRows !== servers) throw new Error(`HAProxy listed ${serverRows} servers, not ${servers}`);
    return {
      version: version.label,
      servers,
      rows: rows.length,
      bytes: text.length,
      fetchMs,
      parseMs: medianMs(RUNS, () => parseStatsCsv(text)),
      normalizeMs: medianMs(RUNS, () => normalize(rows, 'bench')),
    };
  } finally {
    await stopChild(haproxy);
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchConfig(servers: number): string {
  const lines = [
    'global',
    '    maxconn 1000',
    'defaults',
    '    mode http',
    '    timeout connect 1s',
    '    timeout client 30s',
    '    timeout server 30s',
    'frontend stats',
    `    bind 127.0.0.1:${PORTS.stats}`,
    '    stats enable',
    '    stats uri /stats',
    'frontend www',
    `    bind 127.0.0.1:${PORTS.www}`,
    '    option socket-stats',
    '    default_backend be_0',
  ];
  for (let b = 0; b < servers / SERVERS_PER_BACKEND; b++) {
    lines.push(`backend be_${b}`);
    for (let s = 1; s <= SERVERS_PER_BACKEND; s++)
      lines.push(`    server web-${s} 127.0.0.1:${PORTS.closed}`);
  }
  return `${lines.join('\n')}\n`;
}

async function start(bin: string, configPath: string): Promise<ChildProcess> {
  const child = startChild(`HAProxy ${bin}`, bin, ['-f', configPath, '-db'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${bin} exited (${child.exitCode}): ${stderr}`);
    try {
      await (await fetch(`http://127.0.0.1:${PORTS.stats}/stats;csv`)).body?.cancel();
      return child;
    } catch {
      if (Date.now() > deadline) {
        await stopChild(child);
        throw new Error(`${bin} did not answer in time: ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function medianMs(runs: number, work: () => unknown): number {
  for (let i = 0; i < 3; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function medianMsAsync(runs: number, work: () => Promise<void>): Promise<number> {
  await work(); // warm-up: connection, HAProxy's buffers
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function printTable(figures: Figures[]): void {
  const table = [
    [
      'HAProxy',
      'servers',
      'rows',
      'CSV MB',
      'fetch ms',
      'parse ms',
      `${normalizeName} ms`,
      '(parse+norm)/fetch',
    ],
  ];
  for (const f of figures) {
    table.push([
      f.version,
      f.servers.toLocaleString('en'),
      f.rows.toLocaleString('en'),
      (f.bytes / MB).toFixed(2),
      f.fetchMs.toFixed(1),
      f.parseMs.toFixed(1),
      f.normalizeMs.toFixed(1),
      `${((f.parseMs + f.normalizeMs) / f.fetchMs).toFixed(2)}x`,
    ]);
  }
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  for (const row of table) console.log(row.map((cell, col) => cell.padStart(widths[col]!)).join('  '));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runHaproxyParseBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
