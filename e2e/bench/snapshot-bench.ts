/**
 * Parse + normalize (stats CSV → backends) and snapshot serialization, for 200 … 20,000 servers.
 * Run: npx tsx --expose-gc e2e/bench/snapshot-bench.ts
 */
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import { toBackends } from '@/lib/haproxy/to-backends';
import type { Backend } from '@/lib/health/types';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, heapUsedMb, printTable, timeMedian } from './measure';

export const SERVER_COUNTS = [200, 2_000, 10_000, 20_000];
const SERVERS_PER_BACKEND = 10;

export function runSnapshotBench(): void {
  const rows = SERVER_COUNTS.map((servers) => {
    const csv = generateStatsCsv({
      backends: servers / SERVERS_PER_BACKEND,
      serversPerBackend: SERVERS_PER_BACKEND,
      seed: 7,
    });
    const mb = Buffer.byteLength(csv) / 1024 / 1024;
    const runs = servers >= 10_000 ? 15 : 30;
    const parseNormalizeMs = timeMedian(runs, () => void toBackends(parseStatsCsv(csv), 'bench'));
    const before = heapUsedMb();
    let held: Backend[] | null = toBackends(parseStatsCsv(csv), 'bench');
    const after = heapUsedMb();
    const serializeMs = timeMedian(runs, () => void JSON.stringify(held));
    const jsonMb = Buffer.byteLength(JSON.stringify(held)) / 1024 / 1024;
    held = null;
    return {
      servers,
      'CSV MB': fmt(mb, 2),
      'parse+normalize ms (median)': fmt(parseNormalizeMs),
      'MB/s': fmt(mb / (parseNormalizeMs / 1000), 0),
      'model heap MB': before === null || after === null ? 'n/a (run with --expose-gc)' : fmt(after - before),
      'snapshot JSON MB': fmt(jsonMb, 2),
      'serialize ms (median)': fmt(serializeMs),
    };
  });
  printTable('Stats CSV → model → snapshot JSON', rows);
}

if (process.argv[1]?.endsWith('snapshot-bench.ts')) runSnapshotBench();
