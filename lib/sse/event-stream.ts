/** A Server-Sent Events response with heartbeats; the subscription ends (no leak) when the client goes. */
import 'server-only';
import type { EventStreams } from './event-streams';

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;

export interface StreamMessage {
  id: number;
  event: string;
  data: unknown;
}

export function openEventStream(
  streams: EventStreams,
  signal: AbortSignal,
  subscribe: (send: (message: StreamMessage) => void) => () => void,
): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  let forget = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      write(`retry: ${RETRY_MS}\n: connected\n\n`);
      const unsubscribe = subscribe((m) =>
        write(`id: ${m.id}\nevent: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`),
      );
      const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
      stop = () => {
        if (!open) return;
        open = false;
        forget();
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      forget = streams.add(stop);
      signal.addEventListener('abort', () => stop());
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
