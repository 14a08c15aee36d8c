/*
 * The stats CSV parser against csv-parse, on Debian-2.6.12-shaped CSV of 200 to 20,000 servers.
 * `npx tsx --expose-gc e2e/bench/parse-bench.ts` (without --expose-gc the heap columns read n/a).
 * Prints figures; asserts nothing.
 */
import { pathToFileURL } from 'node:url';
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import { parseCsvArrays } from '@/lib/haproxy/parse-csv-reference';
import { generateStatsCsv } from './generate-stats-csv';

const SERVER_COUNTS = [200, 2_000, 10_000, 20_000];
const SERVERS_PER_BACKEND = 20;
const WARM_UP_RUNS = 5;
const MB = 1_000_000;

interface Result {
  servers: number;
  rows: number;
  bytes: number;
  runs: number;
  fastMs: number;
  csvParseMs: number;
  rowsHeap: number | null;
  arraysHeap: number | null;
}

export async function runParseBench(): Promise<void> {
  console.log(
    '\nparse bench: parseStatsCsv() vs csv-parse returning arrays (the oracle parse-csv-reference.ts uses)',
  );
  console.log(
    `Debian 2.6.12-shaped CSV (128 columns, ${SERVERS_PER_BACKEND} servers a backend), node ${process.version}`,
  );
  const results = SERVER_COUNTS.map(measure);
  printTable(results);
  printInputRetention(results.find((r) => r.servers === 10_000));
}

/** Rows heap counts the input text when rows keep it alive: compare with the input held elsewhere. */
function printInputRetention(result: Result | undefined): void {
  if (result?.rowsHeap == null) {
    console.log('heap: n/a (run with `npx tsx --expose-gc e2e/bench/parse-bench.ts`)');
    return;
  }
  const csv = csvFor(result.servers);
  const rowsOnly = heapHeldBy(() => parseStatsCsv(csv))!;
  console.log(
    `heap, ${result.servers.toLocaleString('en')} servers: ${(rowsOnly / MB).toFixed(2)} MB for the rows alone, ` +
      `${(result.rowsHeap / MB).toFixed(2)} MB when the rows are all that is left of the ` +
      `${(csv.length / MB).toFixed(2)} MB input: values of 13+ characters are V8 slices that keep the input alive`,
  );
}

function measure(servers: number): Result {
  const csv = csvFor(servers);
  const runs = servers <= 2_000 ? 101 : 21;
  const rows = parseStatsCsv(csv).length;
  const arrays = parseCsvArrays(csv).length;
  if (arrays !== rows + 1) throw new Error(`csv-parse read ${arrays} records for ${rows} rows and a header`);
  return {
    servers,
    rows,
    bytes: csv.length,
    runs,
    fastMs: medianMs(() => parseStatsCsv(csv), runs),
    csvParseMs: medianMs(() => parseCsvArrays(csv), runs),
    rowsHeap: heapHeldBy(() => parseStatsCsv(csvFor(servers))),
    arraysHeap: heapHeldBy(() => parseCsvArrays(csvFor(servers))),
  };
}

function csvFor(servers: number): string {
  return generateStatsCsv({
    backends: servers / SERVERS_PER_BACKEND,
    serversPerBackend: SERVERS_PER_BACKEND,
    seed: 1,
  });
}

function medianMs(run: () => unknown, runs: number): number {
  for (let i = 0; i < WARM_UP_RUNS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** Heap still used, after a full GC, by what `build` returns; null without --expose-gc. */
function heapHeldBy(build: () => unknown[]): number | null {
  const gc = globalThis.gc;
  if (typeof gc !== 'function') return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  gc();
  const held = process.memoryUsage().heapUsed - before;
  if (kept.length === 0) throw new Error('nothing was parsed');
  return held;
}

function printTable(results: Result[]): void {
  const header = [
    'servers',
    'rows',
    'CSV MB',
    'runs',
    'fast ms',
    'fast MB/s',
    'csv-parse ms',
    'csv-parse MB/s',
  ];
  const table = [[...header, 'speed-up', 'rows heap MB', 'arrays heap MB']];
  for (const r of results) {
    const mb = r.bytes / MB;
    table.push([
      r.servers.toLocaleString('en'),
      r.rows.toLocaleString('en'),
      mb.toFixed(2),
      String(r.runs),
      r.fastMs.toFixed(2),
      (mb / (r.fastMs / 1000)).toFixed(0),
      r.csvParseMs.toFixed(2),
      (mb / (r.csvParseMs / 1000)).toFixed(0),
      `${(r.csvParseMs / r.fastMs).toFixed(1)}x`,
      r.rowsHeap === null ? 'n/a' : (r.rowsHeap / MB).toFixed(2),
      r.arraysHeap === null ? 'n/a' : (r.arraysHeap / MB).toFixed(2),
    ]);
  }
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  for (const row of table) console.log(row.map((cell, col) => cell.padStart(widths[col]!)).join('  '));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runParseBench().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
