import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseStatsCsv } from './parse-csv';
import { parseShowInfo, parseStatsPageInfo } from './parse-show-info';
import { StatsParseError, type HaproxyStatRow } from './types';

/*
 * Parses what a real HAProxy says right now: /stats;csv over HTTP, `show stat` and `show info` over the
 * runtime socket, and the HTML stats page. One backend holds a server per state this can set up quickly.
 */

const HAPROXY = '/usr/sbin/haproxy';
const HAVE_HAPROXY = existsSync(HAPROXY);
const NODE = 'hapscope-test';

interface Stack {
  haproxy: ChildProcess;
  dir: string;
  socket: string;
  statsUrl: string;
  backends: http.Server[];
  ports: { ok: number; busy: number; closed: number };
}
let stack: Stack | undefined;

describe.skipIf(!HAVE_HAPROXY)(`a real HAProxy (${HAPROXY}; skipped when it is not installed)`, () => {
  beforeAll(async () => {
    stack = await startStack();
  }, 15_000);

  afterAll(async () => {
    if (!stack) return;
    const { haproxy, backends, dir } = stack;
    const exited = new Promise((resolve) => haproxy.once('exit', resolve));
    haproxy.kill('SIGTERM');
    await exited;
    await Promise.all(backends.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  test('HTTP /stats;csv: each server in the state its check gives it', async () => {
    const text = await (await fetch(`${stack!.statsUrl};csv;norefresh`)).text();
    expect(text).toContain(',"Busy, ""retry later""",'); // HAProxy quotes the check's reason phrase
    const rows = parseStatsCsv(text);
    const servers = byName(rows.filter((row) => row.pxname === 'be_web' && row.type === '2'));
    expect(servers.ok1).toMatchObject({ status: 'UP', check_status: 'L7OK', check_code: '200' });
    expect(servers.ok1!.check_desc).toBe('Layer7 check passed');
    expect(servers.busy1).toMatchObject({ status: 'DOWN', check_status: 'L7STS', check_code: '503' });
    expect(servers.busy1).toMatchObject({
      last_chk: 'Busy, "retry later"',
      check_desc: 'Layer7 wrong status',
    });
    expect(servers.gone1).toMatchObject({
      status: 'DOWN',
      check_status: 'L4CON',
      last_chk: 'Connection refused',
    });
    expect(servers.nocheck1).toMatchObject({ status: 'no check', check_status: '' });
    expect(servers.off1).toMatchObject({ status: 'MAINT' });
    expect(servers.spare1).toMatchObject({ status: 'UP', bck: '1', act: '0' });
    expect(Object.values(servers).every((row) => row.addr === '')).toBe(true); // no `stats show-legends`
    const backend = rows.find((row) => row.pxname === 'be_web' && row.svname === 'BACKEND');
    expect(backend).toMatchObject({ status: 'UP', type: '1', act: '2', bck: '1' });
  });

  test('socket `show stat`: the same servers and states, with addr filled', async () => {
    const { ports, statsUrl, socket } = stack!;
    const overHttp = parseStatsCsv(await (await fetch(`${statsUrl};csv`)).text());
    const text = await runtimeCommand(socket, 'show stat');
    expect(text.endsWith('\n\n')).toBe(true); // the socket ends with an empty line, HTTP does not
    const overSocket = parseStatsCsv(text);
    const states = (rows: HaproxyStatRow[]) =>
      rows.filter((row) => row.type === '2').map((row) => `${row.pxname}/${row.svname} ${row.status}`);
    expect(states(overSocket)).toEqual(states(overHttp));
    expect(states(overSocket)).toHaveLength(6);
    const servers = byName(overSocket.filter((row) => row.pxname === 'be_web'));
    expect(servers.ok1!.addr).toBe(`127.0.0.1:${ports.ok}`);
    expect(servers.busy1!.addr).toBe(`127.0.0.1:${ports.busy}`);
    expect(servers.gone1!.addr).toBe(`127.0.0.1:${ports.closed}`);
  });

  test('`show info`: the running version, the real pid, the node name', async () => {
    const info = parseShowInfo(await runtimeCommand(stack!.socket, 'show info'));
    expect(info).toEqual({
      version: installedVersion(),
      pid: stack!.haproxy.pid,
      uptimeSec: expect.any(Number),
      nodeName: NODE,
    });
    expect(info.uptimeSec).toBeLessThan(60);
  });

  test('the HTML stats page: version, pid, uptime and node; as CSV it is refused', async () => {
    const html = await (await fetch(stack!.statsUrl)).text();
    expect(parseStatsPageInfo(html)).toEqual({
      version: installedVersion(),
      pid: stack!.haproxy.pid,
      uptimeSec: expect.any(Number),
      nodeName: NODE,
    });
    expect(() => parseStatsCsv(html)).toThrow(StatsParseError);
    expect(() => parseStatsCsv(html)).toThrow(/^not CSV: the response starts with "<!DOCTYPE HTML/);
  });
});

async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-parse-'));
  const ok = await listen((_, res) => res.writeHead(200).end('ok'));
  const busy = await listen((_, res) => res.writeHead(503, 'Busy, "retry later"').end());
  const closed = await listen(() => undefined);
  const ports = { ok: port(ok), busy: port(busy), closed: port(closed) };
  await new Promise((resolve) => closed.close(resolve)); // nothing listens there any more: checks get refused
  const statsPort = await freePort(19200, 19299);
  const socket = path.join(dir, 'admin.sock');
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(socket, statsPort, ports));
  const haproxy = spawn(HAPROXY, ['-f', config, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  haproxy.stderr!.on('data', (chunk) => (stderr += chunk));
  const started: Stack = {
    haproxy,
    dir,
    socket,
    statsUrl: `http://127.0.0.1:${statsPort}/stats`,
    backends: [ok, busy],
    ports,
  };
  await waitFor(async () => {
    if (haproxy.exitCode !== null) throw new Error(`haproxy exited (${haproxy.exitCode}): ${stderr}`);
    const rows = parseStatsCsv(await runtimeCommand(socket, 'show stat'));
    const state = (name: string) => rows.find((row) => row.svname === name)?.check_status;
    // The first check of each server has run (`* ` marks one in progress).
    return state('ok1') === 'L7OK' && state('busy1') === 'L7STS' && state('gone1') === 'L4CON';
  });
  return started;
}

function haproxyConfig(socket: string, statsPort: number, ports: Stack['ports']): string {
  return `global
    stats socket ${socket} level admin
    node ${NODE}
    maxconn 64

defaults
    mode http
    timeout connect 500ms
    timeout client 5s
    timeout server 5s
    timeout check 500ms

backend be_web
    option httpchk GET /
    default-server inter 1s rise 1 fall 1
    server ok1 127.0.0.1:${ports.ok} check
    server busy1 127.0.0.1:${ports.busy} check
    server gone1 127.0.0.1:${ports.closed} check
    server nocheck1 127.0.0.1:${ports.ok}
    server off1 127.0.0.1:${ports.ok} check disabled
    server spare1 127.0.0.1:${ports.ok} check backup

listen stats
    bind 127.0.0.1:${statsPort}
    stats enable
    stats uri /stats
    stats show-node
`;
}

/** `HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/` → 2.6.12-1+deb12u4 */
function installedVersion(): string | undefined {
  return /version (\S+)/.exec(execFileSync(HAPROXY, ['-v'], { encoding: 'utf8' }))?.[1];
}

/** One runtime API command per connection, as HAProxy expects without `prompt`. */
function runtimeCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const connection = net.createConnection(socket, () => connection.end(`${command}\n`));
    connection.setEncoding('utf8');
    connection.on('data', (chunk) => (answer += chunk));
    connection.on('end', () => resolve(answer));
    connection.on('error', reject);
  });
}

function byName(rows: HaproxyStatRow[]): Record<string, HaproxyStatRow> {
  return Object.fromEntries(rows.map((row) => [row.svname, row]));
}

function listen(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function port(server: http.Server): number {
  return (server.address() as net.AddressInfo).port;
}

/** The first port of the range nobody listens on (other engineers' stacks may hold some). */
async function freePort(from: number, to: number): Promise<number> {
  for (let candidate = from; candidate <= to; candidate++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return candidate;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

async function waitFor(ready: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await ready()) return;
    } catch (error) {
      if (Date.now() > deadline || (error instanceof Error && error.message.startsWith('haproxy exited'))) {
        throw error;
      }
    }
    if (Date.now() > deadline) throw new Error('HAProxy did not reach the expected server states in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
