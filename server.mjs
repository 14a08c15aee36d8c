// hapscope's HTTP server: Next.js, with four additions, each where Next gives no other hold.
// 1. Each request is stamped with its TCP peer address (x-hapscope-peer, overwriting anything a client sent): Next
//    keeps a client's own X-Forwarded-For, so only this says who is really connected, which AUTH_PROXY_TRUSTED,
//    sign-in throttling and the SSE cap need.
// 2. A request body may hold at most 64 KiB (the largest the API takes, a mute or a user, is far smaller): beyond
//    it, 413.
// 3. A route's body gzipped once for many requests keeps its Content-Encoding (restoreRouteEncoding).
// 4. Badges and embed pages vary on Accept-Encoding only, so a shared cache can keep them (shareableHeaders).
//   node server.mjs [-p PORT] [-H HOST] [--dev]      (npm start / npm run dev)
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p' },
    hostname: { type: 'string', short: 'H' },
    dev: { type: 'boolean' },
  },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? '0.0.0.0';
const app = next({ dev: values.dev ?? false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// lib/api/parse-query.ts MAX_BODY_BYTES and BODY_TOO_LARGE say the same (its parseJsonBody is the second line).
const MAX_BODY_BYTES = 64 * 1024;
const BODY_TOO_LARGE = JSON.stringify({
  error: { code: 'payload_too_large', message: 'body: must be at most 64 KiB (65536 bytes)' },
});
// Next.js's own endpoints (the dev overlay's among them) are left alone.
const NEXT_OWN = /^\/(_next|__nextjs)/;

function onRequest(req, res) {
  req.headers['x-hapscope-peer'] = req.socket.remoteAddress ?? '';
  restoreRouteEncoding(res);
  if (SHAREABLE.test(req.url ?? '')) shareableHeaders(req, res);
  if (NEXT_OWN.test(req.url ?? '')) return handle(req, res);
  if (declaresTooLarge(req)) return refuseBody(req, res);
  // Without a Content-Length (chunked), the body's size is known only as it arrives.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] !== undefined) {
    return holdBody(
      req,
      () => handle(req, res),
      () => refuseBody(req, res),
    );
  }
  handle(req, res);
}

// Badges and embed pages, the two things a shared cache in front may keep (README "Behind a cache"). Next sends
// `Vary: rsc, next-router-…, Accept-Encoding` on every response, and no route can take it back (a route's own
// Vary is appended), so HAProxy's cache refuses them all; for these two families the HTML or SVG a request gets
// varies on Accept-Encoding only. A request of Next's client router (its headers, or `_rsc=`) keeps Next's Vary,
// so no cache ever hands its RSC payload to a browser asking for HTML.
const SHAREABLE = /^\/(api\/v1\/badge|embed)\//;
const NEXT_ROUTER_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
];
const EMBED_SHARED_MAX_AGE = 60;

/**
 * Rewrites, as the headers go out, `Vary` to `Accept-Encoding` and, for an embed page read through `token=` (and
 * no Authorization header), Next's `private, no-store` to `public`. Such a page depends on its URL alone: the
 * token decides who the reader is before any cookie does (lib/access/server/identify.ts), and the page holds no
 * data (its panel fetches that with the token). Badges say their own Cache-Control (badge-service.ts).
 */
function shareableHeaders(req, res) {
  const url = new URL(req.url ?? '/', 'http://x');
  if (NEXT_ROUTER_HEADERS.some((name) => req.headers[name] !== undefined) || url.searchParams.has('_rsc'))
    return;
  // The page takes the first non-empty `token=` (embed-params.ts); an empty one leaves the reader to a cookie.
  const embedByToken =
    url.pathname.startsWith('/embed/') &&
    Boolean(url.searchParams.get('token')) &&
    req.headers.authorization === undefined;
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (res.hasHeader('vary')) res.setHeader('vary', 'Accept-Encoding');
    const html = String(res.getHeader('content-type') ?? '').startsWith('text/html');
    if (embedByToken && status === 200 && html)
      res.setHeader('cache-control', `public, max-age=${EMBED_SHARED_MAX_AGE}`);
    return writeHead.call(this, status, ...rest);
  };
}

// lib/http/shared-body.ts ROUTE_ENCODING_HEADER says the same.
const ROUTE_ENCODING_HEADER = 'x-hapscope-content-encoding';

/**
 * Next drops a route handler's own Content-Encoding (it assumes fetch() decoded the body) and would compress the
 * body again. A route that sends a body it compressed once for many requests (the snapshot: lib/http/shared-body.ts)
 * names the coding in ROUTE_ENCODING_HEADER instead; here it becomes Content-Encoding as Next sets it, and Next's
 * compression leaves a body that is already encoded alone.
 */
function restoreRouteEncoding(res) {
  const setHeader = res.setHeader;
  res.setHeader = function (name, value) {
    if (typeof name === 'string' && name.toLowerCase() === ROUTE_ENCODING_HEADER) {
      return setHeader.call(this, 'content-encoding', value);
    }
    return setHeader.call(this, name, value);
  };
}

const declaresTooLarge = (req) => Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;

/**
 * Keeps a chunked body from Next until it has all arrived (then hands it over whole), and refuses it as soon as it
 * passes the limit: Next never sees it, and no more of it is read. Node's HTTP parser hands each piece of a body
 * to the request's `push`, however the body is later read: the one place to count it.
 */
function holdBody(req, onComplete, onTooLarge) {
  const push = req.push;
  let held = [];
  let size = 0;
  req.push = (chunk) => {
    if (chunk !== null) {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        held.push(chunk);
        return true;
      }
      req.push = push;
      held = [];
      onTooLarge();
      return false; // the parser stops reading the socket
    }
    req.push = push;
    for (const piece of held) push.call(req, piece);
    const more = push.call(req, null);
    onComplete();
    return more;
  };
}

/**
 * 413 with the API's error body, then a lingering close: Node would destroy the socket once the answer is written,
 * and a client still sending would get a reset that can swallow the answer. Instead stop writing, drop what still
 * arrives for a second, then close.
 */
function refuseBody(req, res) {
  const socket = req.socket;
  socket.destroySoon = () => socket.end();
  res.once('finish', () => setTimeout(() => socket.destroy(), 1000).unref());
  res.writeHead(413, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(BODY_TOO_LARGE),
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(BODY_TOO_LARGE);
}

const server = createServer(onRequest);
// A socket that takes nothing for this long is closed. An alert stream writes a heartbeat every 15 s, so only a
// client that stopped reading goes quiet this long; lib/sse frees what was queued for it sooner (at 1 MiB), but
// only closing the socket frees the socket's buffers and lets its EventSource reconnect and resume.
server.timeout = 120_000;
// `Expect: 100-continue` with a body too large: 413 instead of 100, so the body is never sent.
server.on('checkContinue', (req, res) => {
  if (!declaresTooLarge(req)) res.writeContinue();
  onRequest(req, res);
});
server.listen(port, hostname, () => console.log(`[hapscope] listening on http://${hostname}:${port}`));

// instrumentation.ts stops polling and ends the alert streams on these; then close and leave.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
