import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseConfig } from '@/lib/config/parse-config';
import { Collector } from './collector';
import { snapshotJson } from './snapshot';

const HEADER =
  '# pxname,svname,qcur,qmax,scur,smax,slim,stot,status,weight,act,bck,chkfail,chkdown,lastchg,type,check_status,';
const GOOD_CSV = `${HEADER}\nbe,agent1,0,0,1,2,,10,UP,1,1,0,0,0,5,2,L7OK,\nbe,BACKEND,0,0,1,2,,10,UP,1,1,0,,0,5,1,,\n`;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const routes: Record<string, Handler> = {
  '/good': (_req, res) => res.end(GOOD_CSV),
  '/auth': (req, res) => {
    if (req.headers.authorization === `Basic ${Buffer.from('admin:right').toString('base64')}`)
      return res.end(GOOD_CSV);
    res.writeHead(401, { 'www-authenticate': 'Basic realm="HAProxy Statistics"' }).end('401 Unauthorized');
  },
  '/html': (_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Login</body></html>'),
  '/truncated': (_req, res) => {
    res.writeHead(200, { 'content-length': String(GOOD_CSV.length + 500) });
    res.write(GOOD_CSV.slice(0, GOOD_CSV.length - 20));
    setTimeout(() => res.destroy(), 20);
  },
  '/cut': (_req, res) => res.end(GOOD_CSV.slice(0, GOOD_CSV.indexOf('be,BACKEND') + 12)),
  '/hang': () => undefined,
  '/500': (_req, res) => res.writeHead(500).end('oops'),
};
let server: http.Server;
let base = '';
let hits: Record<string, number> = {};

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '').split(/[;?]/)[0]!;
    hits[path] = (hits[path] ?? 0) + 1;
    (routes[path] ?? ((_q, r) => r.writeHead(404).end()))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

function collectorFor(sources: string, intervalMs = 300): Collector {
  hits = {};
  return new Collector(
    parseConfig({ HAPROXY_STATS_URL: sources, POLL_INTERVAL_MS: String(intervalMs), POLL_TIMEOUT_MS: '250' }),
  );
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('each failing source gets its own clear error while the good one stays live', async () => {
  const collector = collectorFor(
    [
      `good=http://${base}/good`,
      `badauth=http://admin:wrong-pass@${base}/auth`,
      `html=http://${base}/html`,
      `truncated=http://${base}/truncated`,
      `cut=http://${base}/cut`,
      `hang=http://${base}/hang`,
      `oops=http://${base}/500`,
      'down=http://127.0.0.1:18397/stats',
      'sock=unix:/nonexistent/haproxy.sock',
    ].join(','),
  );
  collector.start();
  await sleep(1200);
  collector.stop();
  const byName = Object.fromEntries(collector.states.map((s) => [s.source.name, s]));
  expect(byName.good).toMatchObject({ ok: true, error: null });
  expect(byName.good!.backends![0]!.servers[0]!.name).toBe('agent1');
  expect(byName.badauth!.error).toMatchObject({
    kind: 'auth',
    message: expect.stringContaining('check the credentials'),
  });
  expect(byName.html!.error).toMatchObject({ kind: 'not-csv' });
  expect(byName.truncated!.error!.kind).toBe('truncated');
  expect(byName.cut!.error!.kind).toBe('truncated');
  expect(byName.hang!.error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('250 ms') });
  expect(byName.oops!.error).toMatchObject({ kind: 'http', message: 'HTTP 500 Internal Server Error' });
  expect(byName.down!.error).toMatchObject({
    kind: 'unreachable',
    message: expect.stringContaining('refused'),
  });
  expect(byName.sock!.error).toMatchObject({ kind: 'socket', message: expect.stringContaining('not found') });
  const json = snapshotJson(collector, Date.now());
  expect(json).not.toContain('wrong-pass');
  expect(JSON.parse(json).instances).toHaveLength(9);
});

test('a failing source backs off; a healthy one keeps the interval', async () => {
  const collector = collectorFor(`good=http://${base}/good,oops=http://${base}/500`, 250);
  collector.start();
  await sleep(2100);
  collector.stop();
  // good: ~8 polls plus the info page; failing: 0 + 250 + 500 + 1000 ms → 4 polls
  expect(hits['/good']).toBeGreaterThanOrEqual(6);
  expect(hits['/500']).toBeLessThanOrEqual(5);
  expect(collector.states[1]!.consecutiveFailures).toBe(hits['/500']);
});

test('polls of one source never overlap, even when each takes longer than the interval', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  routes['/slow'] = (_req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.end(GOOD_CSV);
    }, 400);
  };
  const collector = new Collector(
    parseConfig({
      HAPROXY_STATS_URL: `http://${base}/slow`,
      POLL_INTERVAL_MS: '250',
      POLL_TIMEOUT_MS: '1000',
    }),
  );
  collector.start();
  await sleep(1500);
  collector.stop();
  expect(maxInFlight).toBe(1);
  expect(collector.states[0]!.ok).toBe(true);
});

test('a source that fails after succeeding keeps its last backends', async () => {
  let healthy = true;
  routes['/flaky'] = (_req, res) => (healthy ? res.end(GOOD_CSV) : res.writeHead(503).end());
  const collector = collectorFor(`flaky=http://${base}/flaky`, 250);
  collector.start();
  await sleep(400);
  healthy = false;
  await sleep(600);
  collector.stop();
  const snapshot = JSON.parse(snapshotJson(collector, Date.now()));
  expect(snapshot.instances[0]).toMatchObject({ ok: false, error: 'HTTP 503 Service Unavailable' });
  expect(snapshot.backends).toHaveLength(1);
});
