import 'server-only';
import type { Collector } from '@/lib/collector/collector';
import { PollBuffer, type BufferLimits } from '@/lib/history/poll-buffer';
import type { HistoryStore } from '@/lib/store';
import { HistoryWriter } from '@/lib/store/history-writer';
import { HistoryRecorder, type PollRecord } from './history-recorder';

export interface Recording {
  /** Polls waiting for the store (it failed, or is catching up), and those dropped from the full buffer. */
  backlog(): { polls: number; dropped: number };
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
 * writes them, in order, without a restart. A failed write leaves the recorder's memory unlike the rolled-back file,
 * so the recorder is rebuilt from the file (as at start-up) before the next try.
 */
export function attachHistoryRecorder(
  collector: PollSource,
  store: HistoryStore,
  limits: RecordingLimits = RECORDING_LIMITS,
): Recording {
  const weigh = (poll: PollRecord) =>
    poll.backends?.reduce((rows, backend) => rows + 1 + backend.servers.length, 0) ?? 1;
  const buffer = new PollBuffer<PollRecord>(limits, weigh);
  let writing: { writer: HistoryWriter; recorder: HistoryRecorder } | null = null;

  const flush = () => {
    // After SQLITE_BUSY each try would wait out the busy timeout: polls wait in the buffer a while instead.
    if (store.faults.lockHeld()) return;
    try {
      // A connection replaced since (it had seen the disk read-only) takes its recorder with it.
      if (writing && writing.writer.db !== store.db()) writing = null;
      if (!writing) {
        const writer = new HistoryWriter(store.db());
        writing = { writer, recorder: new HistoryRecorder(writer, collector.config.pollIntervalMs) };
      }
      const { writer, recorder } = writing;
      // Polls written late may fall in minutes maintenance has rolled up already.
      if (buffer.size > 1) writer.rewindRollups(buffer.peek()!.at);
      for (let rows = 0; buffer.size > 0 && rows < limits.flushWeight; buffer.shift()) {
        const poll = buffer.peek()!;
        recorder.record(poll);
        rows += weigh(poll);
      }
      store.faults.succeeded('recorder');
    } catch (error) {
      writing = null;
      if (store.faults.failed('recorder', error)) return;
      // Not the store's fault: a bug in recording this poll. Skip it rather than retry it forever.
      console.error('[hapscope] recording a poll failed:', error);
      buffer.shift();
    }
  };

  collector.onPoll((event) => {
    buffer.push({
      instance: event.state.source.name,
      at: event.at,
      ok: event.result !== null,
      backends: event.result?.backends ?? null,
      info: event.result?.info ?? null,
    });
    flush();
  });
  return { backlog: () => ({ polls: buffer.size, dropped: buffer.dropped }) };
}
