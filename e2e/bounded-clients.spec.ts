// Bounded clients against a real server.mjs: at most SSE_MAX_STREAMS_PER_CLIENT alert streams per client address
// (429 beyond, each source address apart), and bodies over 64 KiB refused with 413 before Next.js reads them. The
// slow-reader drop needs full socket buffers, not deterministic here: lib/sse/event-stream.test.ts shows it.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E, E2E_SPEC_PORTS } from './harness/e2e-topology';
import { startSpecApp, type SpecApp } from './harness/spec-app';

const CAP = 3;
const OTHER_ADDRESS = '127.0.0.8'; // another loopback source address: another client
const MIB = 1024 * 1024;
const TOO_LARGE = {
  error: { code: 'payload_too_large', message: 'body: must be at most 64 KiB (65536 bytes)' },
};

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface OpenStream extends Answer {
  close(): void;
}

/** GET the alert stream on a connection of its own from `localAddress`; a 200 stays open until close(). */
function openStream(app: SpecApp, localAddress = '127.0.0.1'): Promise<OpenStream> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve, reject) => {
    const options = { host: hostname, port, path: '/api/v1/alerts/stream', localAddress, agent: false };
    const req = http.get(options, (res) => {
      const close = () => req.destroy();
      const status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      // A stream: its first bytes (`retry: …`) say it is counted and fed.
      if (status === 200) {
        res.once('data', (body: string) => resolve({ status, headers: res.headers, body, close }));
        return;
      }
      let body = '';
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status, headers: res.headers, body, close }));
    });
    req.on('error', reject);
  });
}

/** `hapscope_alert_stream_clients`: the streams open now. */
async function streamClients(app: SpecApp): Promise<number> {
  const text = await fetch(`${app.url}/metrics`, { cache: 'no-store' }).then((r) => r.text());
  const match = /^hapscope_alert_stream_clients(?:\{[^}]*\})? (\d+)/m.exec(text);
  return match ? Number(match[1]) : -1;
}

type Framing = 'content-length' | 'chunked' | 'expect-continue';

/**
 * POSTs `body` to /api/v1/mutes as hapscope's pages do (same origin, JSON), in 16 KiB writes: with its length
 * declared, chunked (no length), or declared and waiting for `100 Continue`. The answer, once it has all come,
 * and whether the server asked for the body (100 Continue).
 */
function post(app: SpecApp, body: Buffer, framing: Framing): Promise<Answer & { continued: boolean }> {
  const { hostname, port } = new URL(app.url);
  const headers: Record<string, string> = { origin: app.url, 'content-type': 'application/json' };
  if (framing !== 'chunked') headers['content-length'] = String(body.length);
  if (framing === 'expect-continue') headers.expect = '100-continue';
  return new Promise((resolve, reject) => {
    let answered = false;
    let continued = false;
    const req = http.request(
      { host: hostname, port, path: '/api/v1/mutes', method: 'POST', headers, agent: false },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, continued });
          req.destroy();
        });
      },
    );
    // Writing on after a 413 meets a closed connection: expected once the answer is in.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    let sent = 0;
    const writeOn = () => {
      while (sent < body.length && !req.destroyed) {
        const piece = body.subarray(sent, sent + 16 * 1024);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', writeOn);
      }
      if (!req.destroyed) req.end();
    };
    if (framing === 'expect-continue') {
      req.on('continue', () => {
        continued = true;
        writeOn();
      });
      req.flushHeaders();
    } else writeOn();
  });
}

const mute = (reason: string) =>
  Buffer.from(JSON.stringify({ target: { pool: 'bounded-clients' }, durationMinutes: 5, reason }));

test.describe('bounded clients', () => {
  let app: SpecApp;
  let dataDir = '';

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-bounded-clients-'));
    app = await startSpecApp({
      host: E2E.host,
      port: E2E_SPEC_PORTS.boundedClientsApp,
      env: {
        HAPROXY_STATS_URL: `main=${E2E.statsUrl}`,
        POLL_INTERVAL_MS: String(E2E.pollIntervalMs),
        DATA_DIR: dataDir,
        K8S_ENABLED: 'false',
        SSE_MAX_STREAMS_PER_CLIENT: String(CAP),
      },
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('one address holds at most SSE_MAX_STREAMS_PER_CLIENT alert streams; another address is counted apart', async () => {
    const open: OpenStream[] = [];
    try {
      for (let i = 0; i < CAP; i++) open.push(await openStream(app));
      expect(open.map((s) => s.status)).toEqual([200, 200, 200]);
      expect(open[0]!.headers['content-type']).toContain('text/event-stream');

      const refused = await openStream(app);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('30');
      expect(JSON.parse(refused.body)).toEqual({
        error: {
          code: 'too_many_streams',
          message:
            'at most 3 event streams per client address (SSE_MAX_STREAMS_PER_CLIENT), and 127.0.0.1 has 3 open: ' +
            'close one (a tab) or try again in 30 s',
        },
      });

      const other = await openStream(app, OTHER_ADDRESS);
      open.push(other);
      expect(other.status).toBe(200);
      expect(await streamClients(app)).toBe(CAP + 1);
      expect((await openStream(app)).status).toBe(429); // the other address's stream took nothing from this one

      // Closing a stream gives its place back, once the server has seen the connection go.
      open.shift()!.close();
      await expect.poll(() => streamClients(app), { timeout: 10_000 }).toBe(CAP);
      const again = await openStream(app);
      open.push(again);
      expect(again.status).toBe(200);
    } finally {
      for (const stream of open) stream.close();
    }
    await expect.poll(() => streamClients(app), { timeout: 10_000 }).toBe(0);
  });

  test('a 1 MiB body is refused with 413 JSON whether declared, chunked or announced; the server goes on', async () => {
    const huge = Buffer.alloc(MIB, ' ');
    for (const framing of ['content-length', 'chunked', 'expect-continue'] as const) {
      const answer = await post(app, huge, framing);
      expect(answer.status, framing).toBe(413);
      expect(answer.headers['content-type'], framing).toBe('application/json');
      expect(answer.headers.connection, framing).toBe('close');
      expect(JSON.parse(answer.body), framing).toEqual(TOO_LARGE);
      if (framing === 'expect-continue') expect(answer.continued, 'the body was never asked for').toBe(false);
    }

    expect((await fetch(`${app.url}/api/v1/health`)).status).toBe(200);
    // Bodies within the limit reach the route whole, chunked ones too (server.mjs holds them until they end).
    const long = 'r'.repeat(60_000);
    for (const [body, framing, reason] of [
      [mute('declared'), 'content-length', 'declared'],
      [mute('chunked'), 'chunked', 'chunked'],
      [mute(long), 'chunked', 'r'.repeat(200)], // a mute keeps 200 characters of its reason
    ] as const) {
      const answer = await post(app, body, framing);
      expect(answer.status, answer.body).toBe(201);
      expect((JSON.parse(answer.body) as { reason: string }).reason).toBe(reason);
    }
  });
});
