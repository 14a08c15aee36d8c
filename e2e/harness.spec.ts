// The harness itself, seen from the specs' side: what other specs rely on when they flip agents.
import { expect, test } from '@playwright/test';
import { setAgentMode } from './harness/agents';
import { E2E } from './harness/e2e-topology';
import { fetchStats, findRow, runtimeAdmin, socketStats, waitForStatus } from './harness/haproxy';

const overHttp = () => fetchStats(E2E.authStatsUrlWithCredentials);
const overSocket = () => socketStats(E2E.socketPath);

test.describe('e2e harness', () => {
  test('the stats CSV answers with good credentials and lists codeserver_backend/agent1', async () => {
    expect((await fetch(`${E2E.authStatsUrl};csv`)).status).toBe(401);
    await expect(fetchStats(E2E.badAuthStatsUrl)).rejects.toThrow(/HTTP 401/);
    const agent1 = findRow(await overHttp(), 'codeserver_backend', 'agent1');
    expect(agent1).toMatchObject({ pxname: 'codeserver_backend', svname: 'agent1', bck: '0' });
  });

  test('agent1 failing goes UP 2/3, UP 1/3 then DOWN, and recovering DOWN 1/3, DOWN 2/3 then UP', async () => {
    await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'UP');
    try {
      await setAgentMode(E2E.agents.agent1!.controlUrl, 'fail');
      const down = await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'DOWN');
      expect(down.seen).toEqual(['UP', 'UP 2/3', 'UP 1/3', 'DOWN']);
      expect(down.row.check_code).toBe('503');

      await setAgentMode(E2E.agents.agent1!.controlUrl, 'ok');
      const up = await waitForStatus(overHttp, 'codeserver_backend', 'agent1', 'UP');
      expect(up.seen).toEqual(['DOWN', 'DOWN 1/3', 'DOWN 2/3', 'UP']);
    } finally {
      await setAgentMode(E2E.agents.agent1!.controlUrl, 'ok');
    }
  });

  test('disable/enable server over the runtime socket shows and clears MAINT', async () => {
    try {
      await runtimeAdmin(E2E.socketPath, 'disable server codeserver_backend/agent2');
      await waitForStatus(overSocket, 'codeserver_backend', 'agent2', 'MAINT', { timeoutMs: 2_000 });
      await waitForStatus(overHttp, 'codeserver_backend', 'agent2', 'MAINT', { timeoutMs: 2_000 });
    } finally {
      await runtimeAdmin(E2E.socketPath, 'enable server codeserver_backend/agent2');
    }
    await waitForStatus(overHttp, 'codeserver_backend', 'agent2', /^UP/, { timeoutMs: 3_000 });
  });
});
