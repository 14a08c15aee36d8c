import { expect, test } from 'vitest';
import type { ShareTarget } from '@/lib/access/share-target';
import { narrowBackends } from './narrow-snapshot';

const backend = (instance: string, name: string, servers: string[]) => ({
  instance,
  name,
  status: 'UP',
  servers: servers.map((s) => ({ name: s, status: 'UP' })),
});
const FLEET = [
  backend('main', 'api', ['api1', 'api2']),
  backend('main', 'web', ['web1']),
  backend('sock', 'api', ['api1', 'api2']),
];

test.each<[string, ShareTarget, { instance: string; name: string; servers: string[] }[]]>([
  [
    'everything',
    { type: 'all' },
    [
      { instance: 'main', name: 'api', servers: ['api1', 'api2'] },
      { instance: 'main', name: 'web', servers: ['web1'] },
      { instance: 'sock', name: 'api', servers: ['api1', 'api2'] },
    ],
  ],
  [
    'a backend: all its servers, not the same name elsewhere',
    { type: 'backend', instance: 'main', backend: 'api' },
    [{ instance: 'main', name: 'api', servers: ['api1', 'api2'] }],
  ],
  [
    'a server: its backend with that server only',
    { type: 'server', instance: 'sock', backend: 'api', server: 'api2' },
    [{ instance: 'sock', name: 'api', servers: ['api2'] }],
  ],
  [
    'a server that is not there: its backend, no server (the embed says not found)',
    { type: 'server', instance: 'main', backend: 'web', server: 'web9' },
    [{ instance: 'main', name: 'web', servers: [] }],
  ],
  ['an unknown backend: nothing', { type: 'backend', instance: 'main', backend: 'db' }, []],
  ['a pool: no backend', { type: 'pool', pool: 'pool-a' }, []],
  ['a key of no known shape: nothing', { type: 'nothing' }, []],
])('%s', (_name, target, expected) => {
  const narrowed = narrowBackends(FLEET, target).map((b) => ({
    instance: b.instance,
    name: b.name,
    servers: b.servers.map((s) => s.name),
  }));
  expect(narrowed).toEqual(expected);
});

test('the backend keeps its own fields, and the fleet is not changed', () => {
  const [only] = narrowBackends(FLEET, { type: 'server', instance: 'main', backend: 'api', server: 'api1' });
  expect(only).toEqual({
    instance: 'main',
    name: 'api',
    status: 'UP',
    servers: [{ name: 'api1', status: 'UP' }],
  });
  expect(FLEET[0]!.servers).toHaveLength(2);
});
