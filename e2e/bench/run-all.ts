/**
 * `npm run bench`: every benchmark, printing figures (nothing is asserted).
 * The page bench needs a production build; it is built first when missing.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { runAccessBench } from './access-bench';
import { runAlertBench } from './alert-bench';
import { runBadgeBench } from './badge-bench';
import { runCorrelationBench } from './correlation-bench';
import { runHaproxyParseBench } from './haproxy-parse-bench';
import { runHistoryBench } from './history-bench';
import { runPageBench } from './page-bench';
import { runParseBench } from './parse-bench';
import { runSnapshotBench } from './snapshot-bench';

async function main() {
  console.log(`hapscope benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  await runParseBench();
  await runHaproxyParseBench();
  runSnapshotBench();
  await runHistoryBench();
  await runCorrelationBench();
  runAlertBench();
  if (!existsSync('.next/BUILD_ID')) execSync('npx next build', { stdio: 'inherit' });
  await runPageBench();
  await runBadgeBench();
  await runAccessBench();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
