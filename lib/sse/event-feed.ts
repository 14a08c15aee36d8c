/**
 * What one Server-Sent Events response sends: the messages stored after the client's last id, a page at a time
 * and only while the client keeps up, then live messages, with heartbeats. Replay and live cannot overlap or leave
 * a gap: the switch happens in the tick that finds the store caught up, and a live message is stored before it
 * is sent. The backlog is sent only while the client has room (the stream's high-water mark), a message at a time,
 * however large each is. A client that stops reading is dropped once more than `maxQueuedBytes` wait for it when
 * the next message comes: one message larger than that, to a client that keeps up, is sent. A source read
 * asynchronously (the store) cannot be found caught up and followed in one tick: the feed subscribes first, holding
 * live messages, reads once more, and then sends those of them it has not read.
 */
import 'server-only';

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;

/** A message's place in its stream: the alert log's sequence number, the snapshot log's `<boot>.<generation>`. */
export type StreamId = number | string;

export interface StreamMessage<I extends StreamId = number> {
  id: I;
  event: string;
  data: unknown;
  /** `data` already as JSON: a message sent to many streams is encoded once. */
  json?: string;
}

export interface StreamSource<I extends StreamId = number> {
  /** Stored messages after `afterId`, oldest first, one page of them; none once caught up. */
  backlog(afterId: I): StreamMessage<I>[];
  /** Live messages from now on; returns the unsubscribe. */
  subscribe(send: (message: StreamMessage<I>) => void): () => void;
}

/** A source whose stored messages are read asynchronously; live messages are stored before they are sent. */
export interface AsyncStreamSource<I extends StreamId = number> {
  backlog(afterId: I): Promise<StreamMessage<I>[]>;
  subscribe(send: (message: StreamMessage<I>) => void): () => void;
}

/** Why a feed ended: `dropped` when its client stopped reading. */
export type FeedEnd = 'closed' | 'dropped';

export class EventFeed<I extends StreamId = number> {
  private readonly encoder = new TextEncoder();
  private open = true;
  private live = false;
  /** An asynchronous page is being read. */
  private reading = false;
  private unsubscribe = () => {};
  private heartbeat: ReturnType<typeof setInterval> | undefined;

  /** `cursor`: the client's last id, replayed after; null: live only. */
  constructor(
    private readonly controller: ReadableStreamDefaultController<Uint8Array>,
    private readonly source: StreamSource<I> | AsyncStreamSource<I>,
    private cursor: I | null,
    private readonly limits: { highWaterBytes: number; maxQueuedBytes: number },
    private readonly onEnd: (why: FeedEnd) => void,
  ) {
    this.write(`retry: ${RETRY_MS}\n: connected\n\n`);
    if (cursor === null) this.goLive();
    if (this.open) this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), HEARTBEAT_MS);
  }

  /** The stream has room (ReadableStream `pull`): the next page of the backlog, or the switch to live. */
  pull(): void {
    if (!this.open || this.live || this.reading || this.cursor === null) return;
    let page: StreamMessage<I>[] | Promise<StreamMessage<I>[]>;
    try {
      page = this.source.backlog(this.cursor);
    } catch {
      // The store cannot be read (its faults are reported elsewhere): the client reconnects with its last id.
      return this.end('closed');
    }
    if (!Array.isArray(page)) return void this.pullAsync(page).catch(() => this.end('closed'));
    if (page.length === 0) return this.goLive();
    this.sendPage(page);
  }

  /** Sends a page while the client has room; full: the next pull (when the client has read) goes on. */
  private sendPage(page: readonly StreamMessage<I>[]): void {
    for (const message of page) {
      this.send(message);
      this.cursor = message.id;
      if ((this.controller.desiredSize ?? 0) <= 0) return;
    }
  }

  private async pullAsync(read: Promise<StreamMessage<I>[]>): Promise<void> {
    this.reading = true;
    let sent = false;
    try {
      const page = await read;
      if (!this.open) return;
      if (page.length === 0) {
        await this.goLiveAfterRead();
      } else {
        this.sendPage(page);
        sent = true;
      }
    } catch {
      this.end('closed');
    } finally {
      this.reading = false;
    }
    // The stream's pulls while the page was read found it reading: go on while the client has room.
    if (sent && (this.controller.desiredSize ?? 0) > 0) this.pull();
  }

  /**
   * Caught up, asynchronously: a message stored after the read that found nothing is not in it, and may be sent
   * before this subscribes. So: subscribe holding live messages, read what was stored meanwhile, then send what
   * was held and not read.
   */
  private async goLiveAfterRead(): Promise<void> {
    const held: StreamMessage<I>[] = [];
    let holding = true;
    this.unsubscribe = this.source.subscribe((message) =>
      holding ? held.push(message) : this.send(message),
    );
    const read = new Set<I>();
    for (;;) {
      const page = await this.source.backlog(this.cursor!);
      if (!this.open) return;
      if (page.length === 0) break;
      for (const message of page) {
        this.send(message);
        this.cursor = message.id;
        read.add(message.id);
      }
    }
    holding = false;
    this.live = true;
    for (const message of held) if (!read.has(message.id)) this.send(message);
  }

  end(why: FeedEnd): void {
    if (!this.open) return;
    this.open = false;
    clearInterval(this.heartbeat);
    this.unsubscribe();
    try {
      // Erroring drops what is queued at once; Next.js treats an AbortError as the client having gone.
      if (why === 'dropped')
        this.controller.error(new DOMException('the client stopped reading', 'AbortError'));
      else this.controller.close();
    } catch {
      // already closed by the client going away
    }
    this.onEnd(why);
  }

  private goLive(): void {
    this.live = true;
    this.unsubscribe = this.source.subscribe((message) => this.send(message));
  }

  private send(message: StreamMessage<I>): void {
    this.write(
      `id: ${message.id}\nevent: ${message.event}\ndata: ${message.json ?? JSON.stringify(message.data)}\n\n`,
    );
  }

  private write(text: string): void {
    if (!this.open) return;
    const waiting = this.limits.highWaterBytes - (this.controller.desiredSize ?? 0);
    if (waiting > this.limits.maxQueuedBytes) return this.end('dropped');
    try {
      this.controller.enqueue(this.encoder.encode(text));
    } catch {
      return this.end('closed');
    }
  }
}
