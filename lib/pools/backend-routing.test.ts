import { expect, test } from 'vitest';
import type { PoolHealth } from '@/lib/health/pool-health';
import type { IngressRouteInfo } from '@/lib/health/topology';
import { buildBackendRouting, type BackendRouting } from './backend-routing';

const ROUTES: IngressRouteInfo[] = [
  { namespace: 'apps', name: 'code', group: 'traefik.io', hosts: ['code.example.com'] },
  { namespace: 'legacy', name: 'code-old', group: 'traefik.containo.us', hosts: ['CODE.example.com.'] },
  { namespace: 'apps', name: 'api', group: 'traefik.io', hosts: ['api.example.com', 'api2.example.com'] },
];

/** A pool with only what routing reads: its name, Traefik locality and placed servers. */
function pool(name: string, traefikLocal: boolean, servers: [string, string, string][]): PoolHealth {
  return {
    name,
    traefikLocal,
    servers: servers.map(([instance, backend, server]) => ({
      instance,
      backend,
      server,
      status: 'UP',
      node: null,
      backup: false,
      checkDurationMs: null,
    })),
  } as Partial<PoolHealth> as PoolHealth;
}

const POOLS = [
  pool('pool-a', true, [
    ['main', 'code', 'agent1'],
    ['sock', 'code', 'agent1'],
    ['main', 'api', 'api1'],
  ]),
  pool('pool-c', false, [
    ['main', 'code', 'agent3'],
    ['main', 'code', 'agent4'],
  ]),
  pool('unassigned', false, [['main', 'code', 'lost']]),
];
const BACKENDS = [
  { instance: 'sock', name: 'code' },
  { instance: 'main', name: 'code' },
  { instance: 'main', name: 'api' },
  { instance: 'main', name: 'unplaced' },
];

test.each<[string, [string, string][], boolean, BackendRouting[]]>([
  [
    'a backend in two sources is one entry; a pool without local Traefik says false; unassigned is unknown',
    [['code', 'code.example.com']],
    true,
    [
      {
        backend: 'code',
        host: 'code.example.com',
        instances: ['main', 'sock'],
        ingressRoutes: ['apps/code', 'legacy/code-old'],
        pools: [
          { pool: 'pool-a', traefikLocal: true, servers: ['agent1'] },
          { pool: 'pool-c', traefikLocal: false, servers: ['agent3', 'agent4'] },
          { pool: 'unassigned', traefikLocal: null, servers: ['lost'] },
        ],
      },
    ],
  ],
  [
    'without Kubernetes Traefik locality is unknown, not false',
    [['code', 'code.example.com']],
    false,
    [
      {
        backend: 'code',
        host: 'code.example.com',
        instances: ['main', 'sock'],
        ingressRoutes: ['apps/code', 'legacy/code-old'],
        pools: [
          { pool: 'pool-a', traefikLocal: null, servers: ['agent1'] },
          { pool: 'pool-c', traefikLocal: null, servers: ['agent3', 'agent4'] },
          { pool: 'unassigned', traefikLocal: null, servers: ['lost'] },
        ],
      },
    ],
  ],
  [
    'the second host of a route matches; a backend with no placed server has no pools',
    [
      ['api', 'api2.example.com'],
      ['unplaced', 'static.example.com'],
    ],
    true,
    [
      {
        backend: 'api',
        host: 'api2.example.com',
        instances: ['main'],
        ingressRoutes: ['apps/api'],
        pools: [{ pool: 'pool-a', traefikLocal: true, servers: ['api1'] }],
      },
      {
        backend: 'unplaced',
        host: 'static.example.com',
        instances: ['main'],
        ingressRoutes: [],
        pools: [],
      },
    ],
  ],
  [
    'a configured backend HAProxy does not report',
    [['gone', 'code.example.com']],
    true,
    [
      {
        backend: 'gone',
        host: 'code.example.com',
        instances: [],
        ingressRoutes: ['apps/code', 'legacy/code-old'],
        pools: [],
      },
    ],
  ],
  ['no BACKEND_HOSTS, nothing to route', [], true, []],
])('%s', (_case, hosts, withCluster, expected) => {
  expect(
    buildBackendRouting({
      backendHosts: new Map(hosts),
      ingressRoutes: ROUTES,
      backends: BACKENDS,
      pools: POOLS,
      withCluster,
    }),
  ).toEqual(expected);
});
