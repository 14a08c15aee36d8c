import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as tick } from 'node:timers/promises';
import { pipeToNodeResponse } from 'next/dist/server/pipe-readable';
import { afterEach, expect, test } from 'vitest';
import {
  MAX_QUEUED_BYTES,
  openEventStream,
  type AsyncStreamSource,
  type StreamMessage,
  type StreamSource,
} from './event-stream';
import { EventStreams } from './event-streams';

const PAGE = 100;
const KIB_TEXT = 'x'.repeat(1000); // with its framing, one message is a little over 1 KiB

/** Stored messages and live subscribers: publish() stores, then sends, as the alert engine does. */
function messageStore() {
  const stored: StreamMessage[] = [];
  const live = new Set<(message: StreamMessage) => void>();
  const reads = { backlog: 0 };
  const source: StreamSource = {
    backlog(afterId) {
      reads.backlog += 1;
      return stored.filter((m) => m.id > afterId).slice(0, PAGE);
    },
    subscribe(send) {
      live.add(send);
      return () => live.delete(send);
    },
  };
  const publish = (text = KIB_TEXT) => {
    const message = { id: stored.length + 1, event: 'alert', data: { text } };
    stored.push(message);
    for (const send of live) send(message);
  };
  return { source, publish, reads, listeners: () => live.size };
}

/**
 * The same store read asynchronously, as the alert log in the store is: each page is read, then handed over a tick
 * later; `afterRead` runs in between (what the store takes meanwhile is not in that page).
 */
function readLater(store: ReturnType<typeof messageStore>, afterRead: (page: StreamMessage[]) => void) {
  const source: AsyncStreamSource = {
    async backlog(afterId) {
      const page = store.source.backlog(afterId);
      await tick();
      afterRead(page);
      return page;
    },
    subscribe: (send) => store.source.subscribe(send),
  };
  return source;
}

const open = (
  streams: EventStreams,
  source: StreamSource | AsyncStreamSource,
  options: { client?: string | null; lastId?: number | null; signal?: AbortSignal } = {},
) =>
  openEventStream(
    streams,
    {
      client: options.client === undefined ? '10.0.0.1' : options.client,
      signal: options.signal ?? new AbortController().signal,
      lastId: options.lastId ?? null,
    },
    source,
  );

/** Reads the stream until `count` ids have come; the ids, in order. */
async function readIds(response: Response, count: number): Promise<number[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ids: number[] = [];
  let text = '';
  while (ids.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const frames = text.split('\n\n');
    text = frames.pop()!;
    for (const frame of frames) {
      const id = /^id: (\d+)$/m.exec(frame);
      if (id) ids.push(Number(id[1]));
    }
  }
  reader.releaseLock();
  return ids;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

test('beyond the cap, 429 with a message naming the cap, the setting and the address, and Retry-After', async () => {
  const streams = new EventStreams(2);
  cleanups.push(() => streams.closeAll());
  const { source } = messageStore();
  expect([open(streams, source).status, open(streams, source).status]).toEqual([200, 200]);
  const refused = open(streams, source);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('30');
  expect(await refused.json()).toEqual({
    error: {
      code: 'too_many_streams',
      message:
        'at most 2 event streams per client address (SSE_MAX_STREAMS_PER_CLIENT), and 10.0.0.1 has 2 open: ' +
        'close one (a tab) or try again in 30 s',
    },
  });
  expect(open(streams, source, { client: '10.0.0.2' }).status).toBe(200);
  expect(streams.totals.refused).toBe(1);
});

test('a client that goes away (abort or cancel) gives its place back and stops listening', async () => {
  const streams = new EventStreams(1);
  const store = messageStore();
  const gone = new AbortController();
  open(streams, store.source, { signal: gone.signal });
  expect([streams.count, store.listeners()]).toEqual([1, 1]);
  expect(open(streams, store.source).status).toBe(429);
  gone.abort();
  expect([streams.count, store.listeners()]).toEqual([0, 0]);

  const cancelled = open(streams, store.source);
  expect(streams.count).toBe(1);
  await cancelled.body!.cancel();
  expect([streams.count, store.listeners()]).toEqual([0, 0]);
  expect(streams.totals).toEqual({ refused: 1, dropped: 0 });
});

test('a resumed stream replays the store a page at a time as the client reads, then goes live: no gap, no repeat', async () => {
  const streams = new EventStreams(1);
  cleanups.push(() => streams.closeAll());
  const store = messageStore();
  for (let i = 0; i < 1000; i++) store.publish(); // ~1 MiB stored: more than one stream may hold
  const response = open(streams, store.source, { lastId: 0 });
  await tick();
  expect(store.reads.backlog).toBe(1); // one page waits for the client; no more is read ahead
  expect(await readIds(response, 300)).toEqual(range(1, 300));
  for (let i = 0; i < 10; i++) store.publish(); // while it replays: these come from the store, once
  const rest = await readIds(response, 710);
  expect(rest).toEqual(range(301, 1010));
  store.publish();
  expect(await readIds(response, 1)).toEqual([1011]);
  expect(streams.totals.dropped).toBe(0);
});

test('a store read asynchronously: replayed a page at a time, then live, with what it took between the reads sent once', async () => {
  const streams = new EventStreams(1);
  cleanups.push(() => streams.closeAll());
  const store = messageStore();
  for (let i = 0; i < 250; i++) store.publish('small'); // a page leaves room: the feed reads on by itself
  let empty = 0;
  // The first read that finds nothing: one message is stored and sent while nobody follows yet. The next one (the
  // feed now following): one stored and sent after that read, one before it.
  const source = readLater(store, (page) => {
    if (page.length > 0) return;
    empty += 1;
    if (empty === 1) store.publish();
    if (empty === 2) store.publish();
  });
  const response = open(streams, source, { lastId: 0 });
  expect(await readIds(response, 250)).toEqual(range(1, 250));
  expect(await readIds(response, 2)).toEqual([251, 252]);
  store.publish();
  expect(await readIds(response, 1)).toEqual([253]);
  expect(store.reads.backlog).toBeGreaterThanOrEqual(5); // three pages, the empty one, the one after following
  expect(streams.totals.dropped).toBe(0);
});

test('a store that fails while it is read ends the stream: the client resumes from its last id', async () => {
  const streams = new EventStreams(1);
  const store = messageStore();
  store.publish();
  const source: AsyncStreamSource = {
    backlog: async () => {
      throw new Error('SQLITE_IOERR');
    },
    subscribe: (send) => store.source.subscribe(send),
  };
  const response = open(streams, source, { lastId: 0 });
  const reader = response.body!.getReader();
  let text = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
    text += new TextDecoder().decode(chunk.value);
  expect(text).toBe('retry: 2000\n: connected\n\n');
  expect([streams.count, store.listeners()]).toEqual([0, 0]);
});

test('messages each larger than a stream may queue (a poll of 20,000 servers) reach a client that reads: replayed one at a time, then live', async () => {
  const streams = new EventStreams(1);
  cleanups.push(() => streams.closeAll());
  const store = messageStore();
  const big = 'y'.repeat(700 * 1024);
  for (let i = 0; i < 4; i++) store.publish(big); // 2.8 MB behind: more than MAX_QUEUED_BYTES, but 700 KiB each
  const response = open(streams, store.source, { lastId: 0 });
  expect(await readIds(response, 4)).toEqual([1, 2, 3, 4]);
  store.publish('z'.repeat(MAX_QUEUED_BYTES + 1)); // live: one message over the bound on its own
  expect(await readIds(response, 1)).toEqual([5]);
  expect(streams.totals.dropped).toBe(0);
  expect(streams.count).toBe(1);
});

test('a client that stops reading is dropped once 1 MiB waits for it; one that reads is not', async () => {
  const streams = new EventStreams(5);
  cleanups.push(() => streams.closeAll());
  const store = messageStore();
  const stalled = open(streams, store.source);
  const reading = open(streams, store.source);
  const received = readIds(reading, 4096);
  let published = 0;
  while (published < 4096) {
    for (let i = 0; i < 64; i++, published++) store.publish();
    await tick();
    if (streams.count === 2) expect(published).toBeLessThan(1024); // 1 MiB is about 1000 messages
  }
  expect(await received).toEqual(range(1, 4096));
  expect(streams.count).toBe(1);
  expect(streams.totals.dropped).toBe(1);
  expect(store.listeners()).toBe(1);
  await expect(stalled.body!.getReader().read()).rejects.toMatchObject({ name: 'AbortError' });
});

test('the bound is on bytes queued: the stream ends when more than MAX_QUEUED_BYTES wait as a message comes', () => {
  const streams = new EventStreams(1);
  const store = messageStore();
  open(streams, store.source);
  let bytes = 'retry: 2000\n: connected\n\n'.length;
  for (let id = 1; streams.count === 1 && id < 4096; id++) {
    store.publish();
    bytes += `id: ${id}\nevent: alert\ndata: {"text":"${KIB_TEXT}"}\n\n`.length;
  }
  expect(streams.count).toBe(0);
  expect(bytes).toBeGreaterThan(MAX_QUEUED_BYTES);
  // What waited passed the bound with its last message; the next one, not sent, ended the stream.
  expect(bytes).toBeLessThan(MAX_QUEUED_BYTES + 2 * 1100);
});

test('through a real socket, written as Next.js writes a response: a client that pauses is dropped, its socket closed', async () => {
  const streams = new EventStreams(5);
  const store = messageStore();
  let serverSideClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (serverSideClosed = resolve));
  const server = http.createServer((req, res) => {
    const response = open(streams, store.source, { client: req.socket.remoteAddress ?? null });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.once('close', serverSideClosed);
    void pipeToNodeResponse(response.body!, res);
  });
  // server.mjs's inactivity timeout (120 s there): Next waits for the socket to drain, so only it can close one.
  server.timeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  const { port } = server.address() as AddressInfo;
  const client = http.get({ host: '127.0.0.1', port, path: '/' }, (res) => res.pause()); // reads nothing more
  client.on('error', () => {});
  cleanups.push(() => client.destroy());
  while (streams.count === 0) await tick();
  let published = 0;
  while (streams.count > 0 && published < 64 * 1024) {
    for (let i = 0; i < 256; i++, published++) store.publish();
    await tick();
  }
  // The socket's buffers took a few MiB before the stream's own queue filled.
  expect(published).toBeGreaterThan(1024);
  expect(streams.totals.dropped).toBe(1);
  expect(store.listeners()).toBe(0);
  await closed;
});
