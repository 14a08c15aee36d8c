/**
 * `npm run bench`: every benchmark, printing figures (nothing is asserted), then a summary (run-benches.ts). The
 * exit code is 1 when anything of ours failed, 0 when only an anchor (HAProxy's own page) ran out of time.
 * `npm run bench -- page load` runs only the benches named. The page, badge, access and load benches need a
 * production build: it is made first when missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runAccessBench } from './access-bench';
import { runAlertBench } from './alert-bench';
import { runBadgeBench } from './badge-bench';
import { runBadgeCacheBench } from './badge-cache-bench';
import { runCorrelationBench } from './correlation-bench';
import { runHaproxyParseBench } from './haproxy-parse-bench';
import { runHistoryBench } from './history-bench';
import { runLoadBench } from './load-bench';
import { runMainThreadBench } from './main-thread-bench';
import { runPageBench } from './page-bench';
import { runParseBench } from './parse-bench';
import { runBenches, type Bench } from './run-benches';
import { runSnapshotBench } from './snapshot-bench';
import { runStoreBench } from './store-bench';
import { runTakeoverBench } from './takeover-bench';
import { runViewersBench } from './viewers-bench';

const BENCHES: [string, Bench][] = [
  ['parse', runParseBench],
  ['haproxy-parse', runHaproxyParseBench],
  ['snapshot', runSnapshotBench],
  ['history', runHistoryBench],
  ['store', () => runStoreBench()],
  ['takeover', () => runTakeoverBench()],
  ['correlation', () => void runCorrelationBench()],
  ['alert', () => runAlertBench()],
  ['page', () => runPageBench()],
  ['main-thread', () => runMainThreadBench()],
  ['badge', runBadgeBench],
  ['badge-cache', () => runBadgeCacheBench()],
  ['access', runAccessBench],
  ['load', () => runLoadBench()],
  ['viewers', () => runViewersBench({ servers: 10_000, viewers: 20 })],
  ['viewers-20k', () => runViewersBench({ servers: 20_000, viewers: 100 })],
  ['viewers-quiet', () => runViewersBench({ servers: 10_000, viewers: 20, quiet: true })],
];

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !BENCHES.some(([known]) => known === name));
  if (unknown.length > 0) {
    console.error(`unknown bench ${unknown.join(', ')}; the benches: ${BENCHES.map(([n]) => n).join(', ')}`);
    return 2;
  }
  console.log(`hapscope benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  // A failed build shows as those benches failing (each says it needs one); the others still run.
  if (!existsSync('.next/BUILD_ID')) {
    try {
      execSync('npx next build', { stdio: 'inherit' });
    } catch (error) {
      console.error('[bench] next build failed:', error);
    }
  }
  return runBenches(BENCHES.filter(([name]) => names.length === 0 || names.includes(name)));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
