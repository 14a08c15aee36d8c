import { expect, test } from 'vitest';
import { servicesByPool } from './pool-services';

test.each([
  ['no lbpool Services', [], []],
  [
    'grouped by pool, sorted, a Service listed once',
    [
      { namespace: 'kube-system', name: 'traefik-pool-b', pool: 'pool-b' },
      { namespace: 'web', name: 'shop', pool: 'pool-a' },
      { namespace: 'kube-system', name: 'traefik-pool-a', pool: 'pool-a' },
      { namespace: 'web', name: 'shop', pool: 'pool-a' },
    ],
    [
      { pool: 'pool-a', services: ['kube-system/traefik-pool-a', 'web/shop'] },
      { pool: 'pool-b', services: ['kube-system/traefik-pool-b'] },
    ],
  ],
])('%s', (_case, services, expected) => {
  expect(servicesByPool(services)).toEqual(expected);
});
