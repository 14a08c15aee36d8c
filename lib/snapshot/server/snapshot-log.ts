import 'server-only';
import type { SnapshotDto } from '@/lib/api/snapshot-dto';
import type { Collector } from '@/lib/collector/collector';
import type { StreamMessage, StreamSource } from '@/lib/sse/event-stream';
import { anchorsOf, diffSnapshots, type DiffBase, type SnapshotDelta } from '../snapshot-delta';
import { toSnapshotDto } from './snapshot-json';

/** Deltas kept for tabs that reconnect: this many, and at most MAX_LOG_BYTES of them. */
const MAX_LOG_ENTRIES = 300;
const MAX_LOG_BYTES = 16 * 1024 * 1024;
/** Deltas read per page for a tab that reconnects; lib/sse sends them as the tab reads, one at a time when large. */
const REPLAY_PAGE = 10;
/** With no tab reading for this long, the log stops diffing polls (and starts again, afresh, on the next read). */
const IDLE_MS = 5 * 60_000;

interface Entry {
  from: string;
  message: StreamMessage<string>;
  bytes: number;
}

/**
 * The snapshot's change log for the live stream: while any tab reads, each poll is diffed against the one before,
 * once (snapshot-delta.ts), encoded once, sent to every open stream and kept for a while, so a tab that reconnects
 * gets what it missed. Ids are `<term>.<generation>` (currentId): a tab's id from before a restart is never taken for one of
 * this process. A tab too far behind (its id no longer kept), or from before a restart, is told to `reset`: load the
 * snapshot afresh and follow from there.
 */
export class SnapshotLog {
  private base: DiffBase | null = null;
  private baseId = '';
  private entries: Entry[] = [];
  private bytes = 0;
  private readonly subscribers = new Set<(message: StreamMessage<string>) => void>();
  private lastReadAt = 0;

  constructor(
    private readonly collector: Collector,
    private readonly clock: () => number = Date.now,
  ) {
    // After the poll's listeners the collector schedules the next poll (the instance's nextPollAt): diff after that.
    collector.onPoll(() => queueMicrotask(() => this.onPoll()));
  }

  /**
   * The stream id of the collector's current poll: `<term>.<generation>`. The term is this process's start while
   * it polls alone; with replicas, the leading replica's, so every replica names a poll alike.
   */
  currentId(): string {
    return `${this.collector.term}.${this.collector.generation}`;
  }

  /**
   * A tab is about to follow from the current generation (it read the snapshot): the log runs from there on if it
   * was idle. Returns the id to follow from.
   */
  follow(): string {
    this.lastReadAt = this.clock();
    if (!this.base) this.start();
    return this.baseId;
  }

  /** Whether a stream may resume after `id`: it is the current generation or one the log still holds. */
  knows(id: string): boolean {
    return id === this.baseId || this.entries.some((entry) => entry.from === id);
  }

  /** The stream's source for lib/sse: replay after the tab's id, then live; `reset` for an id not known. */
  source(): StreamSource<string> {
    return {
      backlog: (afterId) => this.backlog(afterId),
      subscribe: (send) => {
        this.subscribers.add(send);
        return () => this.subscribers.delete(send);
      },
    };
  }

  private backlog(afterId: string): StreamMessage<string>[] {
    this.lastReadAt = this.clock();
    if (afterId === this.baseId) return [];
    const at = this.entries.findIndex((entry) => entry.from === afterId);
    if (at < 0) return [resetMessage(this.baseId, afterId, this.collector.term)];
    return this.entries.slice(at, at + REPLAY_PAGE).map((entry) => entry.message);
  }

  private start(): void {
    const snapshot = this.current();
    this.base = { snapshot, anchors: anchorsOf(snapshot) };
    this.baseId = this.currentId();
    this.entries = [];
    this.bytes = 0;
  }

  private current(): SnapshotDto {
    const { states, config } = this.collector;
    return toSnapshotDto(states, config.pollIntervalMs, this.clock());
  }

  private onPoll(): void {
    if (!this.base) return;
    if (this.subscribers.size === 0 && this.clock() - this.lastReadAt > IDLE_MS) {
      this.base = null;
      this.entries = [];
      this.bytes = 0;
      return;
    }
    const to = this.currentId();
    if (to === this.baseId) return; // two polls ended in one turn: the first diff took both
    const next = this.current();
    const { delta, anchors } = diffSnapshots(this.base, next, { from: this.baseId, to });
    this.base = { snapshot: next, anchors };
    this.append(this.baseId, deltaMessage(delta));
    this.baseId = to;
  }

  private append(from: string, message: StreamMessage<string>): void {
    const bytes = message.json?.length ?? 0;
    this.entries.push({ from, message, bytes });
    this.bytes += bytes;
    while (this.entries.length > MAX_LOG_ENTRIES || (this.bytes > MAX_LOG_BYTES && this.entries.length > 1)) {
      this.bytes -= this.entries.shift()!.bytes;
    }
    for (const send of this.subscribers) send(message);
  }
}

const deltaMessage = (delta: SnapshotDelta): StreamMessage<string> => ({
  id: delta.to,
  event: 'delta',
  data: null,
  json: JSON.stringify(delta),
});

/** A tab whose id the log does not hold: load the snapshot afresh (GET /api/v1/snapshot) and follow from its id. */
function resetMessage(currentId: string, afterId: string, term: string): StreamMessage<string> {
  const reason = afterId.startsWith(`${term}.`)
    ? 'too far behind: the changes since are no longer kept'
    : 'hapscope restarted since';
  return { id: currentId, event: 'reset', data: { reason } };
}
