// hapscope's HTTP server: Next.js, with one addition. Each request is stamped with its TCP peer address
// (x-hapscope-peer, overwriting anything a client sent): Next keeps a client's own X-Forwarded-For, so only this
// says who is really connected, which AUTH_PROXY_TRUSTED and sign-in throttling need.
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

const server = createServer((req, res) => {
  req.headers['x-hapscope-peer'] = req.socket.remoteAddress ?? '';
  handle(req, res);
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
