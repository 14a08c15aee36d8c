import http from 'node:http';
import type { FakeK8s } from './fake-k8s';

/**
 * Stop and resume the fake Kubernetes API from another process (Playwright specs): once stopped, the fake's own
 * `/__fake/*` routes are gone with it, so this listens on a port of its own.
 * POST /__k8s/stop · POST /__k8s/resume · GET /__k8s/state
 */
export async function startK8sControl(options: {
  port: number;
  host?: string;
  k8s: FakeK8s;
}): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  let running = true;
  const server = http.createServer((req, res) => {
    const send = (code: number, body: unknown) =>
      res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const path = new URL(req.url ?? '/', 'http://control').pathname;
    const act = async (what: 'stop' | 'resume') => {
      await (what === 'stop' ? options.k8s.stop() : options.k8s.resume());
      running = what === 'resume';
      send(200, { running });
    };
    if (path === '/__k8s/state') return send(200, { running, url: options.k8s.url });
    if (req.method === 'POST' && (path === '/__k8s/stop' || path === '/__k8s/resume')) {
      return void act(path === '/__k8s/stop' ? 'stop' : 'resume').catch((error: Error) =>
        send(500, { error: error.message }),
      );
    }
    send(404, { error: `no control route ${req.method} ${path}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  return {
    url: `http://${host}:${options.port}/__k8s`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
