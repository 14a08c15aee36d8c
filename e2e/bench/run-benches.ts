/**
 * Runs benches one after the other, each on its own: one that throws does not stop the others, and whatever it
 * started is stopped before the next begins. Ends with a summary; returns the exit code: 1 when anything of ours
 * failed (a bench threw, or reported failures such as request errors), 0 when only an anchor ran out of time.
 */
import { stopAll } from './children';
import type { BenchOutcome } from './outcome';

export type Bench = () => Promise<BenchOutcome | void> | BenchOutcome | void;

interface Result {
  name: string;
  seconds: number;
  /** "ok", "anchor timed out: …" or "FAILED: …" */
  verdict: string;
  failed: boolean;
}

export async function runBenches(benches: readonly (readonly [string, Bench])[]): Promise<number> {
  const results: Result[] = [];
  for (const [name, bench] of benches) {
    results.push(await runOne(name, bench));
    await stopAll(); // a bench that left something running does not leave it to the next
  }
  console.log('\nSummary');
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results)
    console.log(`  ${r.name.padEnd(width)}  ${`${r.seconds.toFixed(0)} s`.padStart(6)}  ${r.verdict}`);
  const failed = results.filter((r) => r.failed).length;
  console.log(
    failed > 0 ? `${failed} of ${results.length} benches failed: exit 1` : 'nothing of ours failed: exit 0',
  );
  return failed > 0 ? 1 : 0;
}

async function runOne(name: string, bench: Bench): Promise<Result> {
  const started = performance.now();
  const result = (verdict: string, failed: boolean) => ({
    name,
    seconds: (performance.now() - started) / 1000,
    verdict,
    failed,
  });
  try {
    const { anchorTimeouts = [], failures = [] } = (await bench()) ?? {};
    if (failures.length > 0) return result(`FAILED: ${failures.join('; ')}`, true);
    if (anchorTimeouts.length > 0) return result(`anchor timed out: ${anchorTimeouts.join('; ')}`, false);
    return result('ok', false);
  } catch (error) {
    console.error(`\n[bench] ${name} failed:`, error);
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return result(`FAILED: ${text.split('\n')[0]}`, true);
  }
}
