import { expect, test } from 'vitest';
import type { UptimeDto } from '@/lib/api/history-dto';
import { narrowUptime, shareReadsUptime } from './share-uptime';

const server = { panel: 'uptime', target: 'eu/web/a1' };
const backend = { panel: 'uptime', target: 'eu/web' };
const pool = { panel: 'uptime', target: 'pool:pool-a' };

test.each([
  [server, { instance: 'eu', backend: 'web' }, true],
  [server, { instance: 'eu', backend: 'api' }, false],
  [server, {}, false],
  [backend, { instance: 'eu', backend: 'web' }, true],
  [backend, { instance: 'eu' }, false],
  [pool, { pool: 'pool-a' }, true],
  [pool, { pool: 'pool-b' }, false],
  [{ panel: 'latency', target: 'eu/web/a1' }, { instance: 'eu', backend: 'web' }, false],
  [{ panel: '*', target: '*' }, {}, true],
])('share %j reads uptime of %j: %s', (scope, filter, allowed) => {
  expect(shareReadsUptime(scope, filter)).toBe(allowed);
});

test("a server's share gets its server's row and nothing else", () => {
  const row = (name: string) =>
    ({ instance: 'eu', backend: 'web', server: name }) as UptimeDto['servers'][number];
  const dto = {
    servers: [row('a1'), row('a2')],
    backends: [{ backend: 'web' }],
    pools: [{ pool: 'p' }],
  } as unknown as UptimeDto;
  const narrowed = narrowUptime(dto, server, { instance: 'eu', backend: 'web' });
  expect(narrowed.servers.map((s) => s.server)).toEqual(['a1']);
  expect(narrowed.backends).toEqual([]);
  expect(narrowed.pools).toEqual([]);
  expect(narrowUptime(dto, backend, { instance: 'eu', backend: 'web' })).toBe(dto);
});
