/**
 * Watches the app's polls from outside while a bench loads it. Late polls are counted at the source: every poll
 * fetches the CSV once, so a gap of more than 2 × the interval between two fetches is a poll late by more than one
 * interval. Every 500 ms it also reads the app's RSS and the snapshot's per-instance lastPollAt and ok (only the
 * head of the answer: instances come before the backends), the view a client has; that series is not the count,
 * since a sample slower than an interval under load can miss a poll.
 */
import { rssMb, type BenchApp } from './app';

const SAMPLE_MS = 500;

export interface PollWatch {
  /** Fetches of the CSV between start and end. */
  polls: number;
  late: number;
  maxGapMs: number;
  /** Distinct lastPollAt values the samples saw, and the largest gap between two of them. */
  seen: number;
  seenMaxGapMs: number;
  /** Polls the snapshot showed as failed (ok: false), and the first one's error. */
  failed: number;
  firstFailure: string | null;
  rssPeakMb: number;
}

interface InstanceHead {
  name: string;
  ok: boolean;
  error: string | null;
  lastPollAt: string | null;
}

export function samplePolls(app: BenchApp) {
  const seen = new Map<string, InstanceHead>(); // "instance lastPollAt" → what the snapshot said of that poll
  let rssPeakMb = rssMb(app.pid);
  let running = true;
  const sampling = (async () => {
    while (running) {
      const tick = Date.now();
      rssPeakMb = Math.max(rssPeakMb, rssMb(app.pid));
      try {
        for (const instance of await snapshotHead(app.url))
          if (instance.lastPollAt) seen.set(`${instance.name} ${instance.lastPollAt}`, instance);
      } catch {
        // a sample that failed is a sample missed; the load's own requests count errors
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SAMPLE_MS - (Date.now() - tick))));
    }
  })();
  return {
    async stop(fetches: readonly number[], from: number, to: number, intervalMs: number): Promise<PollWatch> {
      running = false;
      await sampling;
      const samples = [...seen.values()].filter((i) => Date.parse(i.lastPollAt!) >= from);
      const failures = samples.filter((i) => !i.ok);
      const seenAt = samples.map((i) => Date.parse(i.lastPollAt!)).sort((a, b) => a - b);
      return {
        ...countLate(fetches, from, to, intervalMs),
        seen: samples.length,
        seenMaxGapMs: Math.max(0, ...seenAt.slice(1).map((at, i) => at - seenAt[i]!)),
        failed: failures.length,
        firstFailure: failures[0]?.error ?? null,
        rssPeakMb,
      };
    },
  };
}

/**
 * Gaps between consecutive fetches from the last one before `from` (or `from`) to `to`; the open gap at the end
 * counts too: a poll not come by `to` is late all the same.
 */
export function countLate(fetches: readonly number[], from: number, to: number, intervalMs: number) {
  const during = fetches.filter((at) => at >= from && at <= to);
  const points = [fetches.filter((at) => at < from).at(-1) ?? from, ...during, to];
  const gaps = points.slice(1).map((at, i) => at - points[i]!);
  return {
    polls: during.length,
    late: gaps.filter((gap) => gap > 2 * intervalMs).length,
    maxGapMs: Math.max(...gaps),
  };
}

/** The snapshot's instances, read from the head of the answer; the rest (every server) is not downloaded. */
async function snapshotHead(url: string): Promise<InstanceHead[]> {
  const res = await fetch(`${url}/api/v1/snapshot`, { signal: AbortSignal.timeout(10_000) });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (value) text += decoder.decode(value, { stream: true });
    const end = text.indexOf(',"backends":');
    if (end >= 0 || done) {
      if (!done) await reader.cancel();
      return (JSON.parse(end >= 0 ? `${text.slice(0, end)}}` : text) as { instances: InstanceHead[] })
        .instances;
    }
  }
}
