import { expect, test } from 'vitest';
import type { BackendRoutingDto } from '@/lib/api/routes-dto';
import { CODE_ROUTING } from '@/lib/pools/testing-fixtures';
import { describeHop, poolRouteRows, poolServiceNames } from './routes-view';

test.each([
  [
    { pool: 'pool-a', traefikLocal: true, servers: ['a1'] },
    'local',
    "served by pool-a's own Traefik",
    'local',
  ],
  [
    { pool: 'pool-c', traefikLocal: false, servers: ['c1'] },
    'cross-location',
    'No Ready Traefik in pool-c: its svclb pods forward these requests to a Traefik in another location, a cross-location hop that makes health checks time out and flap',
    'NOT local: forwarded to another location',
  ],
  [
    { pool: 'unassigned', traefikLocal: null, servers: ['x'] },
    'unknown',
    'these servers match no Kubernetes node: which Traefik serves them is unknown',
    'unknown (no node)',
  ],
  [
    { pool: 'dc-1', traefikLocal: null, servers: ['x'] },
    'unknown',
    'Traefik locality unknown: Kubernetes is not connected',
    'unknown',
  ],
])('%o → %s', (entry, tone, text, short) => {
  expect(describeHop(entry)).toEqual({ tone, text, short });
});

const ROUTES: BackendRoutingDto[] = [
  CODE_ROUTING,
  { backend: 'api', host: 'api.example.com', instances: ['main'], ingressRoutes: [], pools: [] },
];

test.each([
  ['pool-a', [['code', 'agent1', 'local']]],
  ['pool-c', [['code', 'agent3', 'cross-location']]],
  ['pool-b', []],
])('the backends routed in %s', (pool, rows) => {
  expect(poolRouteRows(pool, ROUTES).map((r) => [r.backend, r.servers.join(), r.hop.tone])).toEqual(rows);
});

test.each([
  ['pool-a', ['kube-system/traefik-pool-a']],
  ['pool-z', []],
])('lbpool Services of %s', (pool, services) => {
  expect(poolServiceNames(pool, [{ pool: 'pool-a', services: ['kube-system/traefik-pool-a'] }])).toEqual(
    services,
  );
});
