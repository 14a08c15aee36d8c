import 'server-only';
import type { Collector } from '@/lib/collector/collector';
import { PollBuffer, type BufferLimits } from '@/lib/history/poll-buffer';
import type { Store } from '@/lib/store';
import { HistoryRecorder, type PollRecord } from './history-recorder';

export interface Recording {
  /** Polls waiting for the store (it failed, or is catching up), and those dropped from the full buffer. */
  backlog(): { polls: number; dropped: number };
  /** Resolves once every poll handed so far has been tried (never rejects). */
  settled(): Promise<void>;
  /**
   * Another replica led (and recorded) meanwhile: the polls still waiting are dropped, and the next write starts
   * from the store, as at start-up.
   */
  forget(): void;
}

export interface RecordingLimits extends BufferLimits {
  /** Rows written per poll while catching up, so a long backlog does not hold the event loop at once. */
  flushWeight: number;
}

/**
 * 10 minutes of polls (1,200 at 500 ms, 300 at the 2 s default), and no more than 50,000 server and backend rows
 * (roughly 50 MB; 50 polls of 1,000 servers): past either, the oldest polls go and history shows "no data" there.
 */
export const RECORDING_LIMITS: RecordingLimits = {
  maxSpanMs: 10 * 60_000,
  maxWeight: 50_000,
  flushWeight: 20_000,
};

type PollSource = Pick<Collector, 'onPoll'> & { config: { pollIntervalMs: number } };

/**
 * Records every poll into the history store. Polls go through a bounded buffer: while the store fails (full,
 * read-only, locked, DATA_DIR unusable) they wait there and the collector goes on; the first poll after it recovers
 * writes them, in order, without a restart. Each poll starts one flush, after the one before it: writes are never
 * reordered, however slow the store. A failed write leaves the recorder's memory unlike the rolled-back store, so
 * the recorder is rebuilt from the store (as at start-up) before the next try.
 */
export function attachHistoryRecorder(
  collector: PollSource,
  store: Pick<Store, 'recording' | 'faults'>,
  limits: RecordingLimits = RECORDING_LIMITS,
): Recording {
  const weigh = (poll: PollRecord) =>
    poll.backends?.reduce((rows, backend) => rows + 1 + backend.servers.length, 0) ?? 1;
  const buffer = new PollBuffer<PollRecord>(limits, weigh);
  let writing: { opens: number; recorder: HistoryRecorder } | null = null;
  let flushed: Promise<void> = Promise.resolve();

  const flush = async () => {
    // After SQLITE_BUSY each try would wait out the busy timeout: polls wait in the buffer a while instead.
    if (buffer.size === 0 || store.faults.lockHeld()) return;
    let poll: PollRecord | undefined;
    try {
      // A connection replaced since (it had seen the disk read-only) takes its recorder with it.
      const opens = await store.recording.openForWrites();
      if (writing?.opens !== opens)
        writing = { opens, recorder: new HistoryRecorder(store.recording, collector.config.pollIntervalMs) };
      const { recorder } = writing;
      // Polls written late may fall in minutes maintenance has rolled up already.
      if (buffer.size > 1) await store.recording.rewindRollups(buffer.peek()!.at);
      let rows = 0;
      while (buffer.size > 0 && rows < limits.flushWeight) {
        poll = buffer.peek()!;
        await recorder.record(poll);
        // The buffer may have dropped it meanwhile (full): then what follows it stays.
        buffer.written(poll);
        rows += weigh(poll);
        poll = undefined;
      }
      store.faults.succeeded('recorder');
    } catch (error) {
      writing = null;
      if (store.faults.failed('recorder', error)) return;
      // Not the store's fault: a bug in recording this poll. Skip it rather than retry it forever.
      console.error('[hapscope] recording a poll failed:', error);
      const skipped = poll ?? buffer.peek();
      if (skipped) buffer.written(skipped);
    }
  };

  collector.onPoll((event) => {
    // The leader recorded it.
    if (event.relayed) return;
    buffer.push({
      instance: event.state.source.name,
      at: event.at,
      ok: event.result !== null,
      backends: event.result?.backends ?? null,
      info: event.result?.info ?? null,
    });
    flushed = flushed.then(flush).catch((error) => console.error('[hapscope] recording failed:', error));
  });
  return {
    backlog: () => ({ polls: buffer.size, dropped: buffer.dropped }),
    settled: () => flushed,
    forget: () => {
      flushed = flushed.then(() => {
        while (buffer.size > 0) buffer.shift();
        writing = null;
      });
    },
  };
}
