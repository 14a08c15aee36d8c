import 'server-only';
import type { Collector } from '@/lib/collector/collector';
import type { HistoryStore } from '@/lib/store';
import { HistoryWriter } from '@/lib/store/history-writer';
import { HistoryRecorder } from './history-recorder';

export interface Recording {
  /** Why the last poll could not be recorded, or null while recording works. */
  failure(): string | null;
}

/**
 * Records every poll into the history store. The database opens on the first poll, not here; a store that cannot
 * open or write is logged and never stops the collector (the dashboard keeps showing "now").
 */
export function attachHistoryRecorder(collector: Collector, store: HistoryStore): Recording {
  let recorder: HistoryRecorder | null = null;
  let failed = false;
  let failure: string | null = null;
  collector.onPoll((event) => {
    if (failed) return;
    try {
      recorder ??= new HistoryRecorder(new HistoryWriter(store.db()), collector.config.pollIntervalMs);
      recorder.record({
        instance: event.state.source.name,
        at: event.at,
        ok: event.result !== null,
        backends: event.result?.backends ?? null,
        info: event.result?.info ?? null,
      });
      failure = null;
    } catch (error) {
      failed = recorder === null;
      failure = (error as Error).message;
      console.error('[hapscope] recording history failed:', error);
    }
  });
  return { failure: () => failure };
}
