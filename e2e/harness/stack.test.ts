import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RuntimeSocketError, runtimeCommand } from '../../lib/haproxy/runtime-socket';
import { setAgentMode } from './agents';
import { HARNESS_TEST_BASE_PORT, harnessFacts, harnessTopology } from './e2e-topology';
import {
  HAPROXY_BIN,
  fetchStats,
  findRow,
  requestThroughFrontend,
  runtimeAdmin,
  socketStats,
  waitForStatus,
} from './haproxy';
import { startStack, type Stack } from './stack';

const topology = harnessTopology(HARNESS_TEST_BASE_PORT);
const facts = harnessFacts(HARNESS_TEST_BASE_PORT, topology);

// Without HAProxy a developer's `npm run test:unit` skips this file; CI installs HAProxy and must run it.
describe.skipIf(!existsSync(HAPROXY_BIN) && !process.env.CI)('harness stack (real HAProxy)', () => {
  let stack: Stack;
  const overHttp = () => fetchStats(facts.authStatsUrlWithCredentials);
  const overSocket = () => socketStats(facts.socketPath);

  beforeAll(async () => {
    stack = await startStack({ topology, dir: facts.stateDir, hubPort: facts.hubPort });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  test('the stats CSV needs the credentials and lists the topology', async () => {
    const anonymous = await fetch(`${facts.authStatsUrl};csv`);
    expect(anonymous.status).toBe(401);
    await expect(fetchStats(facts.badAuthStatsUrl)).rejects.toThrow(/HTTP 401/);

    await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'UP');
    const rows = await overHttp();
    expect(findRow(rows, 'codeserver_backend', 'agent2')?.bck).toBe('1');
    expect(findRow(rows, 'api_backend', 'api3')?.status).toBe('MAINT');
    expect(findRow(rows, 'static_backend', 'static1')?.status).toBe('no check');
    expect(findRow(await fetchStats(facts.statsUrl), 'codeserver_backend', 'agent1')).toBeDefined();
  });

  test('a failing agent goes UP → UP 2/3 → UP 1/3 → DOWN, and back DOWN 1/3 → DOWN 2/3 → UP', async () => {
    await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'UP');
    await setAgentMode(facts.agents.agent1!.ownControlUrl, 'fail');
    const down = await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'DOWN');
    expect(down.seen).toEqual(['UP', 'UP 2/3', 'UP 1/3', 'DOWN']);
    expect(down.row).toMatchObject({
      check_status: 'L7STS',
      check_code: '503',
      last_chk: 'Service Unavailable',
    });
    // Only backups are left: the backend still says UP, with no active server.
    expect(findRow(await overHttp(), 'codeserver_backend', 'BACKEND')).toMatchObject({
      status: 'UP',
      act: '0',
    });

    await setAgentMode(facts.agents.agent1!.controlUrl, 'ok');
    const up = await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'UP');
    expect(up.seen).toEqual(['DOWN', 'DOWN 1/3', 'DOWN 2/3', 'UP']);
    expect(Number(up.row.chkdown)).toBeGreaterThanOrEqual(1);
  });

  test('disable/enable server over the runtime socket toggles MAINT', async () => {
    await runtimeAdmin(facts.socketPath, 'disable server codeserver_backend/agent2');
    await waitForStatus(overSocket, 'codeserver_backend', 'agent2', 'MAINT', { timeoutMs: 2_000 });
    await runtimeAdmin(facts.socketPath, 'enable server codeserver_backend/agent2');
    await waitForStatus(overHttp, 'codeserver_backend', 'agent2', /^UP/, { timeoutMs: 3_000 });
    expect(await runtimeCommand(facts.socketPath, 'show info')).toMatch(/^Name: HAProxy$/m);
    await expect(runtimeAdmin(facts.socketPath, 'disable server nope/nope')).rejects.toThrow(/No such/);
  });

  test('hang gives L7TOUT and refuse gives L4CON, and the agent comes back on the same port', async () => {
    const agent3 = facts.agents.agent3!;
    await setAgentMode(agent3.controlUrl, 'hang');
    const hung = await waitForStatus(overHttp, 'codeserver_backend', 'agent3', 'DOWN');
    expect(hung.row.check_status).toMatch(/L7TOUT/);

    await setAgentMode(agent3.controlUrl, 'refuse');
    await expect(fetch(agent3.url)).rejects.toThrow();
    await expect
      .poll(async () => findRow(await overHttp(), 'codeserver_backend', 'agent3')?.check_status)
      .toMatch(/L4CON/);

    await setAgentMode(agent3.controlUrl, 'slow:50');
    expect((await fetch(agent3.url)).status).toBe(200);
    await waitForStatus(overHttp, 'codeserver_backend', 'agent3', 'UP');
  });

  test('traffic through the frontend reaches the backend of its Host header', async () => {
    const res = await requestThroughFrontend(facts.frontendUrl, 'grafana.example.com');
    expect(res).toMatchObject({ status: 200, body: expect.stringMatching(/<h1>grafana[12]<\/h1>/) });
    expect(Number(findRow(await overHttp(), 'grafana_backend', 'BACKEND')?.stot)).toBeGreaterThanOrEqual(1);
  });

  test('runtimeCommand names the missing socket', async () => {
    const missing = `${facts.stateDir}/missing.sock`;
    const error = await runtimeCommand(missing, 'show info').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(RuntimeSocketError);
    expect((error as Error).message).toBe(
      `HAProxy runtime socket ${missing} not found (is HAProxy running with "stats socket ${missing}"?)`,
    );
  });
});
