import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startAgent, type Agent } from '@/e2e/harness/agents';
import {
  fetchStats,
  parseStatsCsv as readCsvLoosely,
  reloadHaproxy,
  requestThroughFrontend,
  runtimeAdmin,
  sleep,
  startHaproxy,
  waitForStatus,
  type HaproxyHandle,
  type StatsRow,
} from '@/e2e/harness/haproxy';
import {
  htmlAgeSec,
  htmlAverage,
  htmlNumber,
  readStatsHtml,
  type StatsHtmlRow,
} from '@/e2e/harness/stats-html';
import { Collector, type PollEvent } from '@/lib/collector/collector';
import type { Clock } from '@/lib/collector/clock';
import { parseSources } from '@/lib/config/parse-sources';
import { TRAFFIC_COUNTERS, type Backend, type Frontend, type TrafficCounter } from '@/lib/health/types';
import { pollHttpSource } from './http-source';
import { runtimeCommand } from './runtime-socket';
import { parseStatsCsv } from './parse-csv';
import { toProxies } from './to-backends';

/*
 * Issue 10's data truth: against a real HAProxy (2.6 and 3.4) carrying real traffic, everything hapscope reads
 * equals HAProxy's CSV, and equals the HTML stats page wherever that page shows it; rates follow what the test
 * sent. Expected values come from HAProxy's own output (read here with the harness's loose readers, not the
 * app's parser) or from the requests this test made.
 */

const VERSIONS = [
  { label: 'HAProxy 2.6 (Debian)', bin: '/usr/sbin/haproxy', base: 18640 },
  { label: 'HAProxy 3.4', bin: '/work/shared/tools/haproxy/3.4.0/haproxy', base: 18650 },
];
const SLOW_MS = 150;
/** Sent before the reads, per kind; expected counters are written from these. */
const SENT = { ok: 12, err: 8, slow: 3, denied: 3, respDenied: 2, retry: 4, gone: 2 };
/** Between the two polls of the rates test, and after the reload. */
const ERR_BETWEEN_POLLS = 40;
const ERR_AFTER_RELOAD = 5;

/** CSV column of each counter (the comments of TRAFFIC_COUNTERS in lib/health/types.ts, written out again). */
const COUNTER_COLUMN: Record<TrafficCounter, string> = {
  requests: 'req_tot',
  bytesIn: 'bin',
  bytesOut: 'bout',
  deniedConnections: 'dcon',
  deniedSessions: 'dses',
  deniedRequests: 'dreq',
  deniedResponses: 'dresp',
  requestErrors: 'ereq',
  connectionErrors: 'econ',
  responseErrors: 'eresp',
  retries: 'wretr',
  redispatches: 'wredis',
  clientAborts: 'cli_abrt',
  serverAborts: 'srv_abrt',
  http1xx: 'hrsp_1xx',
  http2xx: 'hrsp_2xx',
  http3xx: 'hrsp_3xx',
  http4xx: 'hrsp_4xx',
  http5xx: 'hrsp_5xx',
  httpOther: 'hrsp_other',
};

for (const version of VERSIONS) {
  describe.skipIf(!existsSync(version.bin))(`${version.label}: ${version.bin}`, () => {
    const ports = {
      ok: version.base,
      err: version.base + 1,
      slow: version.base + 2,
      idle: version.base + 3,
      closed: version.base + 4, // nothing listens: the retry backend's first server
      stats: version.base + 8,
      www: version.base + 9,
    };
    const statsUrl = `http://127.0.0.1:${ports.stats}/stats`;
    const wwwUrl = `http://127.0.0.1:${ports.www}/`;
    let dir = '';
    let configPath = '';
    let socketPath = '';
    let agents: Agent[] = [];
    let haproxy: HaproxyHandle | undefined;

    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-truth-'));
      configPath = path.join(dir, 'haproxy.cfg');
      socketPath = path.join(dir, 'admin.sock');
      agents = await Promise.all([
        startAgent({ name: 'ok', port: ports.ok }),
        startAgent({ name: 'err', port: ports.err, mode: 'status:500' }),
        startAgent({ name: 'slow', port: ports.slow, mode: `slow:${SLOW_MS}` }),
        startAgent({ name: 'idle', port: ports.idle }),
      ]);
      writeFileSync(configPath, truthConfig(socketPath, ports));
      haproxy = await startHaproxy({ configPath, bin: version.bin });
      await serversUp(statsUrl);
      // warm1 comes back from MAINT in a 1 h slowstart: HAProxy throttles it (a small, steady percentage).
      await runtimeAdmin(socketPath, 'disable server be_warm/warm1');
      await runtimeAdmin(socketPath, 'enable server be_warm/warm1');
      await driveTraffic(wwwUrl);
      await quiet(statsUrl);
    }, 30_000);

    afterAll(async () => {
      await haproxy?.stop();
      await Promise.all(agents.map((agent) => agent.close()));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('the agents: status:500 fails traffic but passes the HEAD checks, so the server stays UP', async () => {
      const [, err, slow, idle] = agents;
      expect(err!.state()).toMatchObject({ mode: 'status:500', answering: 'status' });
      expect(err!.state().checks).toBeGreaterThan(0);
      expect(err!.state().requests - err!.state().checks).toBe(SENT.err);
      expect(idle!.state().requests).toBe(idle!.state().checks); // only HAProxy's checks reached it
      const rows = await fetchStats(statsUrl);
      expect(csvRow(rows, 'be_err', 'err1')).toMatchObject({ status: 'UP', hrsp_5xx: String(SENT.err) });
      expect(slow!.state()).toMatchObject({ mode: `slow:${SLOW_MS}`, answering: 'slow' });
      expect((await fetch(slow!.url)).status).toBe(200); // late (HAProxy's rtime shows it), but 200
    });

    test('CSV, HTML page and hapscope agree on every field, read one after the other', async () => {
      const csv = await (await fetch(`${statsUrl};csv`)).text();
      const htmlStartedAt = Date.now();
      const html = await (await fetch(statsUrl)).text();
      const source = httpSource(statsUrl);
      const poll = await pollHttpSource(source, 3_000, false);
      const secondsBetween = Math.ceil((Date.now() - htmlStartedAt) / 1000);

      const rows = readCsvLoosely(csv);
      const model = toProxies(parseStatsCsv(csv), source.name);
      expect(model.backends.map((b) => b.name)).toEqual([
        'be_ok',
        'be_err',
        'be_slow',
        'be_idle',
        'be_warm',
        'be_retry',
        'be_gone',
      ]);
      expect(model.frontends.map((f) => f.name)).toEqual(['stats', 'www']);
      for (const frontend of model.frontends)
        expect(frontendView(frontend)).toEqual(frontendFromCsv(rows, frontend.name));
      for (const backend of model.backends) {
        expect(backendView(backend)).toEqual(backendFromCsv(csvRow(rows, backend.name, 'BACKEND')));
        for (const server of backend.servers) {
          expect({ server: server.name, ...serverView(server) }).toEqual({
            server: server.name,
            ...serverFromCsv(csvRow(rows, backend.name, server.name)),
          });
        }
      }
      expectWhatWasSent(model);

      // The poll read the CSV a moment after the HTML page: every counter the same (no traffic in between),
      // ages at most the seconds that passed. The stats frontend is left out: it counts these very reads.
      const page = readStatsHtml(html);
      const allowAges = { secondsBetween };
      const www = poll.frontends.find((f) => f.name === 'www')!;
      expect(htmlFrontendView(www)).toEqual(fromHtmlFrontend(htmlRow(page, 'www', 'Frontend')));
      for (const listener of www.listeners) {
        expect(htmlListenerView(listener)).toEqual(fromHtmlListener(htmlRow(page, 'www', listener.name)));
      }
      for (const backend of poll.backends) {
        const row = htmlRow(page, backend.name, 'Backend');
        expect(htmlBackendView(backend)).toEqual(fromHtmlBackend(row));
        expectAges(
          `${backend.name} lastChangeSec`,
          backend.lastChangeSec,
          htmlAgeSec(row.server.status),
          allowAges,
        );
        expectAges(
          `${backend.name} lastSessionSec`,
          backend.lastSessionSec,
          htmlAgeSec(row.sessions.last),
          allowAges,
        );
        for (const server of backend.servers) {
          const serverRow = htmlRow(page, backend.name, server.name);
          expect({ server: server.name, ...htmlServerView(server) }).toEqual({
            server: server.name,
            ...fromHtmlServer(serverRow),
          });
          const label = `${backend.name}/${server.name}`;
          expectAges(
            `${label} lastSessionSec`,
            server.lastSessionSec,
            htmlAgeSec(serverRow.sessions.last),
            allowAges,
          );
          if (serverRow.server.status !== 'no check') {
            expectAges(
              `${label} lastChangeSec`,
              server.lastChangeSec,
              htmlAgeSec(serverRow.server.status),
              allowAges,
            );
          }
        }
      }
    });

    test('rates: 40 requests between two polls, then a reload that zeroes the counters', async () => {
      const clock = new SteppedClock();
      const config = { sources: [httpSource(statsUrl)], pollIntervalMs: 1_000, pollTimeoutMs: 3_000 };
      const collector = new Collector(config, { clock });
      collector.start();
      try {
        const first = await clock.poll(collector);
        await sendRequests(wwwUrl, 'err.test', ERR_BETWEEN_POLLS);
        await sleep(Math.max(0, 1_000 - (Date.now() - first.before))); // about a poll interval, as in production
        const second = await clock.poll(collector);
        const between = bracket(first, second);
        const err1 = serverOf(second.event, 'be_err', 'err1');
        expectRate('err1 http5xx', err1.rates.http5xx, ERR_BETWEEN_POLLS, between);
        expectRate('err1 requests', err1.rates.requests, ERR_BETWEEN_POLLS, between);
        expectRate(
          'be_err http5xx',
          backendOf(second.event, 'be_err').rates.http5xx,
          ERR_BETWEEN_POLLS,
          between,
        );
        expectRate('www http5xx', frontendOf(second.event, 'www').rates.http5xx, ERR_BETWEEN_POLLS, between);
        expect(serverOf(second.event, 'be_ok', 'ok1').rates).toMatchObject({ requests: 0, http2xx: 0 });
        expect(frontendOf(second.event, 'www').rates.http2xx).toBe(0);

        const reload = await reloadHaproxy(configPath);
        expect(reload.workerPid).not.toBe(reload.oldWorkerPid);
        expect(await runtimeCommand(socketPath, 'show info')).toContain(`\nPid: ${reload.workerPid}\n`);
        await sendRequests(wwwUrl, 'err.test', ERR_AFTER_RELOAD);
        const third = await clock.poll(collector);
        const afterReload = bracket(second, third);
        const errAfter = serverOf(third.event, 'be_err', 'err1');
        expect(errAfter.counters.http5xx).toBe(ERR_AFTER_RELOAD); // back at zero, then what was sent since
        expectRate('err1 http5xx after the reload', errAfter.rates.http5xx, ERR_AFTER_RELOAD, afterReload);
        expectNoSpike(third.event, afterReload);
      } finally {
        collector.stop();
      }
    }, 30_000);
  });
}

/* ---- what HAProxy runs ---- */

function truthConfig(
  socketPath: string,
  ports: Record<'ok' | 'err' | 'slow' | 'idle' | 'closed' | 'stats' | 'www', number>,
) {
  const check = `check inter 2s rise 1 fall 2`;
  return `global
    stats socket ${socketPath} mode 600 level admin
    hard-stop-after 3s

defaults
    mode http
    timeout connect 1s
    timeout client 10s
    timeout server 10s
    timeout check 2s

frontend stats
    bind 127.0.0.1:${ports.stats}
    stats enable
    stats uri /stats
    stats show-legends

frontend www
    bind 127.0.0.1:${ports.www}
    option socket-stats
    maxconn 500
    rate-limit sessions 1000
    tcp-request connection reject if { src 127.0.0.2 }
    tcp-request session reject if { src 127.0.0.3 }
    http-request deny if { path /denied }
    use_backend be_err if { hdr(host) -i err.test }
    use_backend be_slow if { hdr(host) -i slow.test }
    use_backend be_idle if { hdr(host) -i idle.test }
    use_backend be_retry if { hdr(host) -i retry.test }
    use_backend be_gone if { hdr(host) -i gone.test }
    default_backend be_ok

backend be_ok
    option httpchk
    http-check send meth HEAD uri / ver HTTP/1.1 hdr Host ok.test
    http-request set-var(txn.path) path
    http-response deny if { var(txn.path) -m str /resp-denied }
    server ok1 127.0.0.1:${ports.ok} maxqueue 7 ${check}

backend be_err
    option httpchk
    http-check send meth HEAD uri / ver HTTP/1.1 hdr Host err.test
    server err1 127.0.0.1:${ports.err} ${check}

backend be_slow
    option abortonclose
    option httpchk
    http-check send meth HEAD uri / ver HTTP/1.1 hdr Host slow.test
    server slow1 127.0.0.1:${ports.slow} ${check}

backend be_idle
    option httpchk
    http-check send meth HEAD uri / ver HTTP/1.1 hdr Host idle.test
    server idle1 127.0.0.1:${ports.idle} ${check}

backend be_warm
    server warm1 127.0.0.1:${ports.ok} slowstart 1h

# Each request tries gone1 (refused), then is redispatched to back1.
backend be_retry
    balance first
    option redispatch
    server gone1 127.0.0.1:${ports.closed}
    server back1 127.0.0.1:${ports.ok}

# Each request tries gone2 three times (two retries), then gets HAProxy's 503.
backend be_gone
    retries 2
    server gone2 127.0.0.1:${ports.closed}
`;
}

async function serversUp(statsUrl: string): Promise<void> {
  const read = () => fetchStats(statsUrl);
  for (const [backend, server] of [
    ['be_ok', 'ok1'],
    ['be_err', 'err1'],
    ['be_slow', 'slow1'],
    ['be_idle', 'idle1'],
  ]) {
    await waitForStatus(read, backend!, server!, 'UP', { timeoutMs: 10_000 });
  }
}

/** Every kind of traffic the counters tell apart; `SENT` holds the counts the assertions use. */
async function driveTraffic(wwwUrl: string): Promise<void> {
  await sendRequests(wwwUrl, 'ok.test', SENT.ok);
  await sendRequests(wwwUrl, 'err.test', SENT.err);
  await sendRequests(wwwUrl, 'slow.test', SENT.slow);
  await sendRequests(wwwUrl, 'retry.test', SENT.retry);
  await sendRequests(wwwUrl, 'gone.test', SENT.gone);
  for (let i = 0; i < SENT.denied; i++) await request(wwwUrl, 'ok.test', { path: '/denied' });
  for (let i = 0; i < SENT.respDenied; i++) await request(wwwUrl, 'ok.test', { path: '/resp-denied' });
  await request(wwwUrl, 'ok.test', { localAddress: '127.0.0.2' }).catch(() => null); // rejected connection
  await request(wwwUrl, 'ok.test', { localAddress: '127.0.0.3' }).catch(() => null); // rejected session
  await badRequest(wwwUrl);
  // A client leaving before the slow answer: 3.4 counts a client abort, 2.6 still completes the request.
  await request(wwwUrl, 'slow.test', { abortAfterMs: 30 }).catch(() => null);
}

async function sendRequests(wwwUrl: string, host: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await requestThroughFrontend(wwwUrl, host);
}

function request(
  url: string,
  host: string,
  options: { path?: string; localAddress?: string; abortAfterMs?: number },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(options.path ?? '/', url);
    const req = http.get(
      target,
      { headers: { Host: host }, agent: false, localAddress: options.localAddress },
      (res) => {
        res.resume().on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (options.abortAfterMs !== undefined)
      setTimeout(() => req.destroy(new Error('aborted on purpose')), options.abortAfterMs);
  });
}

/** A request line HAProxy cannot parse: it answers 400 and counts a request error. */
function badRequest(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = net.createConnection({ host: hostname, port: Number(port) }, () =>
      socket.write('NOT HTTP AT ALL\r\n\r\n'),
    );
    socket
      .resume()
      .on('close', () => resolve())
      .on('error', reject);
  });
}

/** HAProxy's current rates (last second) must be back at zero, and nothing in flight, before the reads. */
async function quiet(statsUrl: string): Promise<void> {
  const idle = (value: string | undefined) => value === undefined || value === '' || value === '0';
  for (const deadline = Date.now() + 10_000; ; await sleep(200)) {
    const rows = (await fetchStats(statsUrl)).filter((row) => row.pxname !== 'stats');
    if (rows.every((row) => idle(row.scur) && idle(row.qcur) && idle(row.rate) && idle(row.req_rate))) return;
    if (Date.now() > deadline) throw new Error('HAProxy did not go quiet after the traffic');
  }
}

function httpSource(statsUrl: string) {
  const [source] = parseSources(`truth=${statsUrl}`);
  if (source?.kind !== 'http') throw new Error('expected an http source');
  return source;
}

/* ---- expected values from the CSV ---- */

const int = (text: string | undefined): number | null =>
  text === undefined || text === '' ? null : Number(text);

function csvRow(rows: StatsRow[], pxname: string, svname: string): StatsRow {
  const row = rows.find((r) => r.pxname === pxname && r.svname === svname);
  if (!row) throw new Error(`no CSV row ${pxname}/${svname}`);
  return row;
}

function countersFromCsv(row: StatsRow) {
  return Object.fromEntries(TRAFFIC_COUNTERS.map((key) => [key, int(row[COUNTER_COLUMN[key]])]));
}

const timesFromCsv = (row: StatsRow) => ({
  queueMs: int(row.qtime),
  connectMs: int(row.ctime),
  responseMs: int(row.rtime),
  totalMs: int(row.ttime),
});
const sessionsFromCsv = (row: StatsRow) => ({
  current: int(row.scur),
  max: int(row.smax),
  limit: int(row.slim),
  total: int(row.stot),
});
/** lastsess: -1 is "never". */
const lastSessionFromCsv = (row: StatsRow) => (row.lastsess === '-1' ? null : int(row.lastsess));

function frontendFromCsv(rows: StatsRow[], name: string) {
  const row = csvRow(rows, name, 'FRONTEND');
  const rateLimit = int(row.rate_lim);
  return {
    status: row.status,
    mode: row.mode,
    sessions: sessionsFromCsv(row),
    // rate_lim 0 is "no limit": the HTML page shows "-" for it.
    sessionRate: {
      current: int(row.rate),
      max: int(row.rate_max),
      limit: rateLimit === 0 ? null : rateLimit,
    },
    requestRate: { current: int(row.req_rate), max: int(row.req_rate_max) },
    counters: countersFromCsv(row),
    listeners: rows
      .filter((r) => r.pxname === name && r.type === '3')
      .map((r) => ({
        name: r.svname,
        status: r.status,
        address: r.addr || null,
        sessions: sessionsFromCsv(r),
        counters: countersFromCsv(r),
      })),
  };
}

const frontendView = (f: Frontend) => ({
  status: f.status,
  mode: f.mode,
  sessions: f.sessions,
  sessionRate: f.sessionRate,
  requestRate: f.requestRate,
  counters: f.counters,
  listeners: f.listeners.map((l) => ({
    name: l.name,
    status: l.status,
    address: l.address,
    sessions: l.sessions,
    counters: l.counters,
  })),
});

function backendFromCsv(row: StatsRow) {
  return {
    status: row.status,
    sessions: sessionsFromCsv(row),
    sessionRate: { current: int(row.rate), max: int(row.rate_max) },
    queue: { current: int(row.qcur), max: int(row.qmax) },
    lastChangeSec: int(row.lastchg),
    downtimeSec: int(row.downtime),
    lbTotal: int(row.lbtot),
    lastSessionSec: lastSessionFromCsv(row),
    counters: countersFromCsv(row),
    times: timesFromCsv(row),
  };
}

const backendView = (b: Backend) => ({
  status: b.status,
  sessions: b.sessions,
  sessionRate: b.sessionRate,
  queue: b.queue,
  lastChangeSec: b.lastChangeSec,
  downtimeSec: b.downtimeSec,
  lbTotal: b.lbTotal,
  lastSessionSec: b.lastSessionSec,
  counters: b.counters,
  times: b.times,
});

function serverFromCsv(row: StatsRow) {
  return {
    statusText: row.status,
    address: row.addr || null,
    queue: { current: int(row.qcur), max: int(row.qmax), limit: int(row.qlimit) },
    sessions: sessionsFromCsv(row),
    sessionRate: { current: int(row.rate), max: int(row.rate_max) },
    lbTotal: int(row.lbtot),
    lastSessionSec: lastSessionFromCsv(row),
    throttlePct: int(row.throttle),
    counters: countersFromCsv(row),
    times: timesFromCsv(row),
  };
}

const serverView = (s: Backend['servers'][number]) => ({
  statusText: s.statusText,
  address: s.address,
  queue: s.queue,
  sessions: s.sessions,
  sessionRate: s.sessionRate,
  lbTotal: s.lbTotal,
  lastSessionSec: s.lastSessionSec,
  throttlePct: s.throttlePct,
  counters: s.counters,
  times: s.times,
});

/** Counts written from what driveTraffic() sent, so the CSV comparison cannot pass on a shifted column. */
function expectWhatWasSent(model: { backends: Backend[]; frontends: Frontend[] }) {
  const server = (backend: string, name: string) =>
    model.backends.find((b) => b.name === backend)!.servers.find((s) => s.name === name)!;
  expect(server('be_err', 'err1').counters).toMatchObject({
    requests: SENT.err,
    http5xx: SENT.err,
    http2xx: 0,
  });
  expect(server('be_ok', 'ok1').counters).toMatchObject({
    requests: SENT.ok + SENT.respDenied,
    http2xx: SENT.ok + SENT.respDenied, // the server answered 200; HAProxy denied the response after
    deniedResponses: SENT.respDenied,
  });
  expect(server('be_ok', 'ok1').queue.limit).toBe(7);
  expect(server('be_idle', 'idle1')).toMatchObject({
    lastSessionSec: null,
    lbTotal: 0,
    counters: { requests: 0 },
  });
  expect(model.backends.find((b) => b.name === 'be_idle')!.lastSessionSec).toBeNull();
  expect(server('be_warm', 'warm1').throttlePct).toBeGreaterThan(0);
  expect(server('be_warm', 'warm1').throttlePct).toBeLessThan(100);
  expect(server('be_slow', 'slow1').times.responseMs).toBeGreaterThan(
    server('be_ok', 'ok1').times.responseMs!,
  );
  expect(server('be_retry', 'gone1').counters).toMatchObject({ redispatches: SENT.retry, requests: 0 });
  expect(server('be_gone', 'gone2').counters).toMatchObject({
    connectionErrors: SENT.gone,
    retries: 2 * SENT.gone,
  });
  expect(model.backends.find((b) => b.name === 'be_gone')!.counters.http5xx).toBe(SENT.gone); // HAProxy's 503
  const www = model.frontends.find((f) => f.name === 'www')!;
  expect(www).toMatchObject({
    sessions: { limit: 500 },
    sessionRate: { limit: 1000 },
    counters: { deniedRequests: SENT.denied, deniedConnections: 1, deniedSessions: 1, requestErrors: 1 },
  });
  expect(www.listeners).toHaveLength(1);
}

/* ---- the same fields from the HTML page ---- */

function htmlRow(page: StatsHtmlRow[], proxy: string, name: string): StatsHtmlRow {
  const row = page.find((r) => r.proxy === proxy && r.name === name);
  if (!row) throw new Error(`no HTML row ${proxy}/${name}`);
  return row;
}

/** The counters the page shows (denied connections and sessions it does not). */
function htmlCounters(row: StatsHtmlRow) {
  return {
    requests: htmlNumber(row.tips.requests ?? ''),
    bytesIn: htmlNumber(row.bytes.in),
    bytesOut: htmlNumber(row.bytes.out),
    deniedRequests: htmlNumber(row.denied.req),
    deniedResponses: htmlNumber(row.denied.resp),
    requestErrors: htmlNumber(row.errors.req),
    connectionErrors: htmlNumber(row.errors.conn),
    responseErrors: htmlNumber(row.errors.resp),
    retries: htmlNumber(row.warnings.retr),
    redispatches: htmlNumber(row.warnings.redis),
    clientAborts: htmlNumber(row.tips.aborts?.client ?? ''),
    serverAborts: htmlNumber(row.tips.aborts?.server ?? ''),
    http1xx: htmlNumber(row.tips.responses?.['1xx'] ?? ''),
    http2xx: htmlNumber(row.tips.responses?.['2xx'] ?? ''),
    http3xx: htmlNumber(row.tips.responses?.['3xx'] ?? ''),
    http4xx: htmlNumber(row.tips.responses?.['4xx'] ?? ''),
    http5xx: htmlNumber(row.tips.responses?.['5xx'] ?? ''),
    httpOther: htmlNumber(row.tips.responses?.other ?? ''),
  };
}

const SHOWN_COUNTERS = [
  'requests',
  'bytesIn',
  'bytesOut',
  'deniedRequests',
  'deniedResponses',
  'requestErrors',
  'connectionErrors',
  'responseErrors',
  'retries',
  'redispatches',
  'clientAborts',
  'serverAborts',
  'http1xx',
  'http2xx',
  'http3xx',
  'http4xx',
  'http5xx',
  'httpOther',
] as const satisfies readonly TrafficCounter[];
const shown = (counters: Record<TrafficCounter, number | null>) =>
  Object.fromEntries(SHOWN_COUNTERS.map((key) => [key, counters[key]]));

const htmlSessions = (row: StatsHtmlRow) => ({
  current: htmlNumber(row.sessions.cur),
  max: htmlNumber(row.sessions.max),
  limit: htmlNumber(row.sessions.limit),
  total: htmlNumber(row.sessions.total),
});
const htmlTimes = (row: StatsHtmlRow) => ({
  queueMs: htmlAverage(row.tips.times?.queue ?? ''),
  connectMs: htmlAverage(row.tips.times?.connect ?? ''),
  responseMs: htmlAverage(row.tips.times?.response ?? ''),
  totalMs: htmlAverage(row.tips.times?.total ?? ''),
});

const fromHtmlFrontend = (row: StatsHtmlRow) => ({
  status: row.server.status,
  sessions: htmlSessions(row),
  sessionRate: {
    current: htmlNumber(row.sessionRate.cur),
    max: htmlNumber(row.sessionRate.max),
    limit: htmlNumber(row.sessionRate.limit),
  },
  requestRate: {
    current: htmlNumber(row.tips.requestRate?.cur ?? ''),
    max: htmlNumber(row.tips.requestRate?.max ?? ''),
  },
  counters: htmlCounters(row),
});
const htmlFrontendView = (f: Frontend) => ({
  status: f.status,
  sessions: f.sessions,
  sessionRate: f.sessionRate,
  requestRate: f.requestRate,
  counters: shown(f.counters),
});

const fromHtmlListener = (row: StatsHtmlRow) => ({
  status: row.server.status,
  address: /IPv[46]: ([^,]+)/.exec(row.tips.name ?? '')?.[1] ?? null,
  sessions: htmlSessions(row),
  counters: {
    bytesIn: htmlNumber(row.bytes.in),
    bytesOut: htmlNumber(row.bytes.out),
    deniedRequests: htmlNumber(row.denied.req),
    deniedResponses: htmlNumber(row.denied.resp),
    requestErrors: htmlNumber(row.errors.req),
  },
});
const htmlListenerView = (l: Frontend['listeners'][number]) => ({
  status: l.status,
  address: l.address,
  sessions: l.sessions,
  counters: {
    bytesIn: l.counters.bytesIn,
    bytesOut: l.counters.bytesOut,
    deniedRequests: l.counters.deniedRequests,
    deniedResponses: l.counters.deniedResponses,
    requestErrors: l.counters.requestErrors,
  },
});

const fromHtmlBackend = (row: StatsHtmlRow) => ({
  status: row.server.status.replace(/^\S+\s+/, ''), // "11s UP" → "UP"
  sessions: htmlSessions(row),
  sessionRate: { current: htmlNumber(row.sessionRate.cur), max: htmlNumber(row.sessionRate.max) },
  queue: { current: htmlNumber(row.queue.cur), max: htmlNumber(row.queue.max) },
  downtimeSec: htmlAgeSec(row.server.dwntme),
  lbTotal: htmlNumber(row.sessions.lbtot),
  counters: htmlCounters(row),
  times: htmlTimes(row),
});
const htmlBackendView = (b: Backend) => ({
  status: b.status,
  sessions: b.sessions,
  sessionRate: b.sessionRate,
  queue: b.queue,
  downtimeSec: b.downtimeSec,
  lbTotal: b.lbTotal,
  counters: shown(b.counters),
  times: b.times,
});

const fromHtmlServer = (row: StatsHtmlRow) => ({
  address: /IPv[46]: ([^,]+)/.exec(row.tips.name ?? '')?.[1] ?? null,
  weight: htmlNumber(row.server.wght.split('/')[0] ?? ''),
  queue: {
    current: htmlNumber(row.queue.cur),
    max: htmlNumber(row.queue.max),
    limit: htmlNumber(row.queue.limit),
  },
  sessions: htmlSessions(row),
  sessionRate: { current: htmlNumber(row.sessionRate.cur), max: htmlNumber(row.sessionRate.max) },
  lbTotal: htmlNumber(row.sessions.lbtot),
  throttlePct: htmlNumber(row.server.thrtle),
  counters: htmlCounters(row),
  times: htmlTimes(row),
});
const htmlServerView = (s: Backend['servers'][number]) => ({
  address: s.address,
  weight: s.weight,
  queue: s.queue,
  sessions: s.sessions,
  sessionRate: s.sessionRate,
  lbTotal: s.lbTotal,
  throttlePct: s.throttlePct,
  counters: shown(s.counters),
  times: s.times,
});

/** An age read a moment after the page's: the same, or older by at most the whole seconds in between. */
function expectAges(
  label: string,
  polled: number | null,
  onPage: number | null,
  { secondsBetween }: { secondsBetween: number },
) {
  if (onPage === null || polled === null) {
    expect({ label, polled }).toEqual({ label, polled: onPage });
    return;
  }
  expect({ label, aged: polled - onPage >= 0 && polled - onPage <= secondsBetween }).toEqual({
    label,
    aged: true,
  });
}

/* ---- rates ---- */

/** The collector's timers, fired by the test: `now` stays the real clock, so intervals are real. */
class SteppedClock implements Clock {
  private pending: (() => void) | null = null;
  now = () => Date.now();
  setTimeout(callback: () => void) {
    this.pending = callback;
    return callback;
  }
  clearTimeout(handle: unknown) {
    if (this.pending === handle) this.pending = null;
  }
  /** Runs the next poll; `before`/`after` bound the moment the collector took as the poll's time. */
  async poll(collector: Collector): Promise<{ event: PollEvent; before: number; after: number }> {
    const callback = this.pending;
    if (!callback) throw new Error('no poll scheduled');
    this.pending = null;
    const event = new Promise<PollEvent>((resolve) => {
      const off = collector.onPoll((e) => {
        off();
        resolve(e);
      });
    });
    const before = Date.now();
    callback();
    const polled = await event;
    if (!polled.state.ok) throw new Error(`poll failed: ${polled.state.error?.message}`);
    return { event: polled, before, after: Date.now() };
  }
}

/** The shortest and longest interval the collector can have measured between two polls, in seconds. */
function bracket(first: { before: number; after: number }, second: { before: number; after: number }) {
  return { minSec: (second.before - first.after) / 1000, maxSec: (second.after - first.before) / 1000 };
}

function expectRate(
  label: string,
  rate: number | null,
  sent: number,
  between: { minSec: number; maxSec: number },
) {
  expect({ label, rate }).toEqual({ label, rate: expect.any(Number) });
  expect({ label, inRange: rate! >= sent / between.maxSec && rate! <= sent / between.minSec }).toEqual({
    label,
    inRange: true,
  });
}

/** After a reset no rate is negative, nor more than the counter's whole new value over the interval. */
function expectNoSpike(event: PollEvent, between: { minSec: number }) {
  const proxies = [
    ...(event.result?.frontends ?? []).flatMap((f) => [f, ...f.listeners]),
    ...(event.result?.backends ?? []).flatMap((b) => [b, ...b.servers]),
  ];
  expect(proxies.length).toBeGreaterThan(10);
  for (const proxy of proxies) {
    for (const key of TRAFFIC_COUNTERS) {
      const rate = proxy.rates[key];
      const value = proxy.counters[key];
      if (rate === null) continue;
      expect({ proxy: proxy.name, key, ok: rate >= 0 && rate <= (value ?? 0) / between.minSec }).toEqual({
        proxy: proxy.name,
        key,
        ok: true,
      });
    }
  }
}

const backendOf = (event: PollEvent, name: string) => event.result!.backends.find((b) => b.name === name)!;
const frontendOf = (event: PollEvent, name: string) => event.result!.frontends.find((f) => f.name === name)!;
const serverOf = (event: PollEvent, backend: string, name: string) =>
  backendOf(event, backend).servers.find((s) => s.name === name)!;
