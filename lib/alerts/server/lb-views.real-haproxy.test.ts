import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startAgent, type Agent } from '@/e2e/harness/agents';
import { HAPROXY_BIN, sleep, startHaproxy, type HaproxyHandle } from '@/e2e/harness/haproxy';
import { startTcpRelay, type TcpRelay } from '@/e2e/harness/tcp-relay';
import type { AlertRecord } from '@/lib/alerts/types';
import { toPoolsDto } from '@/lib/pools/server/pools-service';
import { createRuntime, type Runtime } from '@/lib/server/runtime';
import { toInstanceDto } from '@/lib/snapshot/server/snapshot-json';

/*
 * "Several sources, one HAProxy" (api-v1.md) against real HAProxy processes, through the real runtime (Collector,
 * pools, AlertEngine): two sources of one process count each server once; two processes are two views, and one
 * that cannot reach a node the other reaches is an lb-disagree alert naming both.
 *
 * The pair: lb-a's server line points at the agent; lb-b's points at a TCP relay to the same agent, standing for
 * lb-b's network path to that node. Cutting the relay makes the node unreachable from lb-b only (L4CON), while
 * the agent itself, and lb-a's checks of it, carry on.
 */

const PORTS = { statsA: 18480, statsB: 18481, node1: 18482, node2: 18483, relay: 18484, statsRelay: 18479 };
const CHECK = 'check inter 200 fall 1 rise 1';

function haproxyConfig(statsPort: number, socketPath: string, node1Port: number): string {
  return [
    'global',
    `    stats socket ${socketPath} mode 600 level admin`,
    'defaults',
    '    mode http',
    '    timeout connect 500ms',
    '    timeout client 5s',
    '    timeout server 5s',
    '    timeout check 500ms',
    'frontend stats',
    `    bind 127.0.0.1:${statsPort}`,
    '    stats enable',
    '    stats uri /stats',
    'backend web',
    '    option httpchk',
    '    http-check send meth HEAD uri / ver HTTP/1.1 hdr Host web.example.com',
    `    server node1 127.0.0.1:${node1Port} ${CHECK}`,
    `    server node2 127.0.0.1:${PORTS.node2} ${CHECK}`,
    '',
  ].join('\n');
}

async function until<T>(
  what: string,
  get: () => T | null | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

const firing = (runtime: Runtime, kind: AlertRecord['kind']) =>
  (runtime.alerts?.firing() ?? []).filter((alert) => alert.kind === kind);

describe.skipIf(!existsSync(HAPROXY_BIN))('several sources, one HAProxy: real HAProxy 2.6', () => {
  let dir = '';
  const agents: Agent[] = [];
  const haproxies: HaproxyHandle[] = [];
  let relay: TcpRelay | undefined;
  let runtime: Runtime | undefined;
  const sockets = { a: '', b: '' };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hapscope-lb-views-'));
    sockets.a = path.join(dir, 'a.sock');
    sockets.b = path.join(dir, 'b.sock');
    agents.push(await startAgent({ name: 'node1', port: PORTS.node1 }));
    agents.push(await startAgent({ name: 'node2', port: PORTS.node2 }));
    relay = await startTcpRelay({ port: PORTS.relay, target: { host: '127.0.0.1', port: PORTS.node1 } });
    for (const [name, stats, socket, node1] of [
      ['a', PORTS.statsA, sockets.a, PORTS.node1],
      ['b', PORTS.statsB, sockets.b, PORTS.relay],
    ] as const) {
      const configPath = path.join(dir, name, 'haproxy.cfg');
      await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(configPath), { recursive: true }));
      writeFileSync(configPath, haproxyConfig(stats, socket, node1));
      haproxies.push(await startHaproxy({ configPath }));
    }
  }, 30_000);

  afterEach(() => {
    runtime?.stop();
    runtime = undefined;
  });

  afterAll(async () => {
    for (const haproxy of haproxies) await haproxy.stop();
    await relay?.close();
    await Promise.all(agents.map((agent) => agent.close()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const start = (sources: string, extra: Record<string, string> = {}) => {
    const dataDir = mkdtempSync(path.join(dir, 'data-'));
    runtime = createRuntime({
      env: {
        HAPROXY_STATS_URL: sources,
        POLL_INTERVAL_MS: '250',
        DATA_DIR: dataDir,
        K8S_ENABLED: 'false',
        STATIC_POOLS: 'node1=pool-a,node2=pool-a',
        ALERT_DOWN_GRACE_MS: '500',
        HAPSCOPE_ADMIN_PASSWORD: 'a-long-enough-password',
        ...extra,
      },
      cwd: dir,
    });
    runtime.collector.start();
    return runtime;
  };

  test('two sources on one HAProxy (stats page and socket): one alert per server, one entry per server in its pool', async () => {
    await agents[0]!.setMode('fail'); // node1 answers 503: DOWN
    try {
      const rt = start(`lb-http=http://127.0.0.1:${PORTS.statsA}/stats,lb-sock=unix:${sockets.a}`);
      const instances = () => rt.collector.states.map((state) => toInstanceDto(state, Date.now()));
      await until('both sources recognised as one process', () =>
        instances().every((i) => i.sameProcessAs.length === 1),
      );
      expect(instances().map((i) => [i.name, i.sameProcessAs, i.counted])).toEqual([
        ['lb-http', ['lb-sock'], true],
        ['lb-sock', ['lb-http'], false],
      ]);
      // Both sources do read node1 DOWN …
      await until('node1 DOWN through both sources', () =>
        rt.collector.states.every(
          (s) => s.backends?.[0]?.servers.find((srv) => srv.name === 'node1')?.status === 'DOWN',
        ),
      );
      await until('the down alert', () => firing(rt, 'down').length > 0);
      await sleep(1_000); // a second alert, if there were to be one, would have fired by now (grace 500 ms)
      // … and it is one alert, one entry per server in the pool.
      expect(firing(rt, 'down').map((a) => a.id)).toEqual(['down:lb-http/web/node1']);
      const [pool] = toPoolsDto(rt.poolsView(Date.now()), Date.now()).pools;
      expect(pool!.name).toBe('pool-a');
      expect(pool!.servers.map((s) => `${s.instance}/${s.backend}/${s.server}:${s.status}`)).toEqual([
        'lb-http/web/node1:DOWN',
        'lb-http/web/node2:UP',
      ]);
      expect([pool!.up, pool!.down]).toEqual([1, 1]);
    } finally {
      await agents[0]!.setMode('ok');
    }
  });

  test('the counted source of a process fails and the other takes over the count: the alert keeps its name, nothing resolves or fires again', async () => {
    // lb-http reads lb-a's stats page through a relay: cutting it fails lb-http only; lb-sock reads the same process.
    const statsPath = await startTcpRelay({
      port: PORTS.statsRelay,
      target: { host: '127.0.0.1', port: PORTS.statsA },
    });
    await agents[0]!.setMode('fail'); // node1 answers 503: DOWN
    try {
      const rt = start(`lb-http=http://127.0.0.1:${PORTS.statsRelay}/stats,lb-sock=unix:${sockets.a}`);
      const changes: string[] = [];
      rt.alerts!.subscribe((event) => {
        if (event.kind === 'down') changes.push(`${event.change} ${event.id.split('@')[0]}`); // id@episode
      });
      const counted = () => rt.collector.states.filter((s) => s.counted).map((s) => s.source.name);
      await until('one process', () => rt.collector.states.every((s) => s.sameProcessAs.length === 1));
      await until('the down alert', () => firing(rt, 'down').length > 0);
      expect(firing(rt, 'down').map((a) => a.id)).toEqual(['down:lb-http/web/node1']);

      await statsPath.cut();
      await until('lb-sock counts the process', () => counted().join() === 'lb-sock');
      await sleep(1_000); // longer than the grace: a renamed alert would have fired by now
      expect(firing(rt, 'down').map((a) => a.id)).toEqual(['down:lb-http/web/node1']);

      await statsPath.restore();
      await until('lb-http counts again', () => counted().join() === 'lb-http');
      await sleep(1_000);
      expect(firing(rt, 'down').map((a) => a.id)).toEqual(['down:lb-http/web/node1']);
      expect(changes).toEqual(['fired down:lb-http/web/node1']);
    } finally {
      await agents[0]!.setMode('ok');
      await statsPath.close();
    }
  });

  test('a pair of HAProxy processes where one cannot reach node1: lb-disagree naming both views', async () => {
    const rt = start(`lb-a=http://127.0.0.1:${PORTS.statsA}/stats,lb-b=unix:${sockets.b}`, {
      ALERT_LB_DISAGREE_GRACE_MS: '1000',
    });
    const node1 = (instance: string) =>
      rt.collector.states
        .find((s) => s.source.name === instance)
        ?.backends?.[0]?.servers.find((s) => s.name === 'node1');
    await until('node1 UP on both', () => node1('lb-a')?.status === 'UP' && node1('lb-b')?.status === 'UP');
    expect(rt.collector.states.map((s) => [s.source.name, s.sameProcessAs, s.counted])).toEqual([
      ['lb-a', [], true],
      ['lb-b', [], true],
    ]);
    await sleep(1_500); // longer than the grace: agreeing views fire nothing
    expect(firing(rt, 'lb-disagree')).toEqual([]);

    await relay!.cut(); // lb-b's path to node1 is gone; the agent and lb-a's path are not
    try {
      await until('node1 DOWN on lb-b', () => node1('lb-b')?.status === 'DOWN');
      expect(node1('lb-a')?.status).toBe('UP');
      const [alert] = await until('the lb-disagree alert', () => {
        const found = firing(rt, 'lb-disagree');
        return found.length > 0 && found;
      });
      expect(alert).toMatchObject({
        id: 'lb-disagree:web/node1',
        target: { instance: 'lb-b', backend: 'web', server: 'node1', pool: 'pool-a' },
        summary: 'load balancers disagree about web/node1 in pool-a: UP on lb-a, DOWN on lb-b (L4CON)',
      });
      expect(firing(rt, 'lb-disagree')).toHaveLength(1);
    } finally {
      await relay!.restore();
    }
    await until('node1 UP on lb-b again', () => node1('lb-b')?.status === 'UP');
    await until('the lb-disagree alert resolved', () => firing(rt, 'lb-disagree').length === 0);
  });
});
