import { expect, test } from 'vitest';
import { CODE_ROUTING } from '@/lib/pools/testing-fixtures';
import type { RoutingView } from './pools-model';
import { getRoutes } from './routes-service';

const view: RoutingView = {
  backends: [
    CODE_ROUTING,
    { backend: 'wiki', host: 'wiki.example.com', instances: ['main'], ingressRoutes: [], pools: [] },
  ],
  poolServices: [
    { pool: 'pool-a', services: ['kube-system/traefik-pool-a'] },
    { pool: 'pool-b', services: ['kube-system/traefik-pool-b'] },
    { pool: 'pool-c', services: ['kube-system/traefik-pool-c'] },
  ],
};
const parts = {
  pools: { routing: () => view },
  poolsView: () => ({ pools: [], kubernetes: { enabled: true, ok: true, error: null }, withCluster: true }),
  backends: () => [],
};

test('one backend: its routing and the Services of the pools it touches, nothing else', () => {
  expect(getRoutes(parts, 0, 'code')).toEqual({
    routes: [view.backends[0]],
    poolServices: [
      { pool: 'pool-a', services: ['kube-system/traefik-pool-a'] },
      { pool: 'pool-c', services: ['kube-system/traefik-pool-c'] },
    ],
  });
});

test('no backend named: every backend; an unknown one: nothing', () => {
  expect(getRoutes(parts, 0).routes.map((r) => r.backend)).toEqual(['code', 'wiki']);
  expect(getRoutes(parts, 0, 'nope')).toEqual({ routes: [], poolServices: [] });
});
