/**
 * A Server-Sent Events response: counted against its client's cap (429 beyond it), fed by an EventFeed, ended
 * (no leak) when the client goes, at shutdown, or when the client stops reading.
 */
import 'server-only';
import { jsonError } from '@/lib/api/errors';
import { EventFeed, type AsyncStreamSource, type StreamId, type StreamSource } from './event-feed';
import type { EventStreams } from './event-streams';

export type { AsyncStreamSource, StreamId, StreamMessage, StreamSource } from './event-feed';

/** Bytes a stream may hold for a client that does not read before it is dropped (it reconnects and resumes). */
export const MAX_QUEUED_BYTES = 1024 * 1024;
/** Below this much queued, the backlog is read on (a page at a time). */
const HIGH_WATER_BYTES = 64 * 1024;
/** A client refused at its cap tries again after this. */
const RETRY_AFTER_SEC = 30;

export interface StreamRequest<I extends StreamId = number> {
  /** The address counted against SSE_MAX_STREAMS_PER_CLIENT; null when unknown (not capped). */
  client: string | null;
  signal: AbortSignal;
  /** The client's last id, replayed after; null: live only. */
  lastId: I | null;
}

export function openEventStream<I extends StreamId = number>(
  streams: EventStreams,
  request: StreamRequest<I>,
  source: StreamSource<I> | AsyncStreamSource<I>,
  maxQueuedBytes = MAX_QUEUED_BYTES,
): Response {
  let feed: EventFeed<I> | null = null;
  const forget = streams.add(request.client, () => feed?.end('closed'));
  if (!forget) return tooManyStreams(streams, request.client ?? 'unknown');
  const limits = { highWaterBytes: HIGH_WATER_BYTES, maxQueuedBytes };
  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        feed = new EventFeed(controller, source, request.lastId, limits, (why) => {
          forget();
          if (why === 'dropped') streams.noteDropped();
        });
        if (request.signal.aborted) feed.end('closed');
        else request.signal.addEventListener('abort', () => feed?.end('closed'), { once: true });
      },
      pull() {
        feed?.pull();
      },
      cancel() {
        feed?.end('closed');
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}

function tooManyStreams(streams: EventStreams, client: string): Response {
  const max = streams.maxPerClient;
  const response = jsonError(
    429,
    'too_many_streams',
    `at most ${max} event streams per client address (SSE_MAX_STREAMS_PER_CLIENT), and ${client} has ` +
      `${streams.countOf(client)} open: close one (a tab) or try again in ${RETRY_AFTER_SEC} s`,
  );
  response.headers.set('retry-after', String(RETRY_AFTER_SEC));
  return response;
}
