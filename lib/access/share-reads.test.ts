import { expect, test } from 'vitest';
import { shareReadsApi, shareReadsBadge, shareReadsEmbed } from './share-reads';

const server = { panel: 'latency', target: 'eu/be_web/agent1' };
const pool = { panel: 'pool', target: 'pool:pool-a' };
const wall = { panel: '*', target: '*' };

test.each([
  [server, 'server-history', 'eu/be_web/agent1', true],
  [server, 'server-history', 'eu/be_web/agent2', false],
  [server, 'backend-history', 'eu/be_web', false],
  [server, 'snapshot', null, false],
  [server, 'alerts', null, false],
  [pool, 'pools', null, true],
  [pool, 'snapshot', null, false],
  [{ panel: 'server', target: 'eu/be_web/agent1' }, 'snapshot', null, true],
  [{ panel: 'errors', target: 'eu/be_web' }, 'backend-history', 'eu/be_web', true],
  [{ panel: 'uptime', target: 'eu/be_web' }, 'uptime', 'eu/be_web', true],
  [{ panel: 'uptime', target: 'eu/be_web' }, 'uptime', 'eu/be_api', false],
  [wall, 'snapshot', null, true],
  [wall, 'server-history', 'x/y/z', true],
] as const)('share %j reads %s of %s: %s', (scope, endpoint, target, allowed) => {
  expect(shareReadsApi(scope, endpoint, target)).toBe(allowed);
});

test('an embed page needs its panel and its target; a badge its target', () => {
  expect(shareReadsEmbed(server, 'latency', 'eu/be_web/agent1')).toBe(true);
  expect(shareReadsEmbed(server, 'queue', 'eu/be_web/agent1')).toBe(false);
  expect(shareReadsEmbed(server, 'latency', 'eu/be_web/agent2')).toBe(false);
  expect(shareReadsBadge(server, 'eu/be_web/agent1')).toBe(true);
  expect(shareReadsBadge(server, 'eu/be_web')).toBe(false);
  expect(shareReadsEmbed(wall, 'pool-matrix', '*')).toBe(true);
});
