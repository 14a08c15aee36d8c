import { expect, test } from 'vitest';
import type { ShareTarget } from '@/lib/access/share-target';
import type { AlertDto, AlertsDto, MuteDto } from '@/lib/api/alerts-dto';
import { alertsForShare } from './narrow-alerts';

const target = (t: Partial<AlertDto['target']>) => ({
  instance: null,
  backend: null,
  server: null,
  pool: null,
  ...t,
});
// Only the fields narrowing reads; the rest of an alert passes through untouched.
const alert = (id: string, t: Partial<AlertDto['target']>) =>
  ({ id, target: target(t) }) as unknown as AlertDto;
const DTO: AlertsDto = {
  alerts: [
    alert('source', { instance: 'main' }),
    alert('backend', { instance: 'main', backend: 'api' }),
    alert('api1', { instance: 'main', backend: 'api', server: 'api1', pool: 'pool-a' }),
    alert('api2', { instance: 'main', backend: 'api', server: 'api2', pool: 'pool-b' }),
    alert('web1', { instance: 'main', backend: 'web', server: 'web1', pool: 'pool-a' }),
    alert('sock-api', { instance: 'sock', backend: 'api' }),
    alert('pool-a', { pool: 'pool-a' }),
  ],
  mutes: [{ id: 1, target: target({ pool: 'pool-a' }) } as unknown as MuteDto],
  lastEventId: 42,
};

test.each<[string, ShareTarget, string[]]>([
  ['`*`: every alert', { type: 'all' }, DTO.alerts.map((a) => a.id)],
  [
    'a backend: its own and its servers’',
    { type: 'backend', instance: 'main', backend: 'api' },
    ['backend', 'api1', 'api2'],
  ],
  ['a server: its own', { type: 'server', instance: 'main', backend: 'api', server: 'api2' }, ['api2']],
  ['a pool: its own and its servers’', { type: 'pool', pool: 'pool-a' }, ['api1', 'web1', 'pool-a']],
  ['a key of no known shape: none', { type: 'nothing' }, []],
])('%s, and never the mutes', (_name, shareTarget, ids) => {
  const narrowed = alertsForShare(DTO, shareTarget);
  expect(narrowed.alerts.map((a) => a.id)).toEqual(ids);
  expect(narrowed.mutes).toEqual([]);
  expect(narrowed.lastEventId).toBe(42);
});
