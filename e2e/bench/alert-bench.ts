/**
 * Alert evaluation per poll for 20,000 servers: flap scoring of every server, the rules, the state machine.
 * Run: npx tsx --conditions=react-server e2e/bench/alert-bench.ts
 */
import { AlertEngine } from '@/lib/alerts/server/alert-engine';
import { initialSourceState } from '@/lib/collector/source-state';
import { parseConfig } from '@/lib/config/parse-config';
import { parseStatsCsv } from '@/lib/haproxy/parse-csv';
import { toBackends } from '@/lib/haproxy/to-backends';
import type { Backend } from '@/lib/health/types';
import { DEFAULT_RETENTION, openStore } from '@/lib/store';
import { generateStatsCsv } from './generate-stats-csv';
import { fmt, median, printTable } from './measure';

export async function runAlertBench(serverCounts = [2_000, 20_000]): Promise<void> {
  const rows = [];
  for (const servers of serverCounts) {
    const polls = [1, 2].map((seed) =>
      toBackends(
        parseStatsCsv(generateStatsCsv({ backends: servers / 10, serversPerBackend: 10, seed })),
        'bench',
      ),
    );
    // steady: the same states every poll (the usual case); churn: every poll redraws every server's state.
    for (const mode of ['steady', 'churn'] as const) {
      const times = await timePolls(mode === 'steady' ? [polls[0]!] : polls);
      rows.push({
        servers,
        polls: mode,
        'ms per poll (median)': fmt(median(times)),
        'max ms': fmt(Math.max(...times)),
      });
    }
  }
  printTable('Alert evaluation per poll: flap scores, rules, state machine, persisting changes', rows);
}

/** Each poll's evaluation and the saving of its changes. */
async function timePolls(polls: Backend[][]): Promise<number[]> {
  const config = parseConfig({ HAPROXY_STATS_URL: 'bench=http://127.0.0.1:1/stats' });
  const store = openStore(':memory:', DEFAULT_RETENTION, Date.now, { maintain: false });
  const engine = new AlertEngine(config, { store, pools: () => [] });
  const state = { ...initialSourceState(config.sources[0]!), ok: true };
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    state.backends = polls[i % polls.length]!;
    const start = performance.now();
    await engine.onPoll(
      {
        state,
        at: 1_000_000 + i * 2000,
        result: { backends: state.backends, frontends: [], info: null, bytes: 0 },
      },
      [state],
    );
    if (i >= 5) times.push(performance.now() - start);
  }
  await store.close();
  return times;
}

if (process.argv[1]?.endsWith('alert-bench.ts')) void runAlertBench();
