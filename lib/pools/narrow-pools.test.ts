import { expect, test } from 'vitest';
import type { ShareTarget } from '@/lib/access/share-target';
import type { PoolDto, PoolsDto } from '@/lib/api/pools-dto';
import { narrowPools } from './narrow-pools';

// Only the fields narrowing reads; the rest of a pool passes through untouched.
const pool = (name: string) => ({ name, up: 2, down: 0 }) as unknown as PoolDto;
const DTO: PoolsDto = {
  generatedAt: '2026-12-01T00:00:00.000Z',
  pools: [pool('pool-a'), pool('pool-b')],
  kubernetes: { enabled: true, ok: true, error: null },
  routes: [{ backend: 'code', host: 'code.example.com', instances: ['main'], ingressRoutes: [], pools: [] }],
  poolServices: [
    { pool: 'pool-a', services: ['kube-system/traefik-a'] },
    { pool: 'pool-b', services: ['kube-system/traefik-b'] },
  ],
};

const shape = (dto: PoolsDto) => ({
  pools: dto.pools.map((p) => p.name),
  routes: dto.routes.map((r) => r.backend),
  poolServices: dto.poolServices.map((p) => p.pool),
  kubernetes: dto.kubernetes.ok,
});

test.each<[string, ShareTarget, ReturnType<typeof shape>]>([
  [
    'everything (a person, or a pool-matrix share of *)',
    { type: 'all' },
    { pools: ['pool-a', 'pool-b'], routes: ['code'], poolServices: ['pool-a', 'pool-b'], kubernetes: true },
  ],
  [
    'a pool share: its pool and Services, no routing',
    { type: 'pool', pool: 'pool-b' },
    { pools: ['pool-b'], routes: [], poolServices: ['pool-b'], kubernetes: true },
  ],
  [
    'a pool share of a pool that is gone: nothing',
    { type: 'pool', pool: 'pool-z' },
    { pools: [], routes: [], poolServices: [], kubernetes: true },
  ],
  [
    'a backend share: no pool',
    { type: 'backend', instance: 'main', backend: 'code' },
    { pools: [], routes: [], poolServices: [], kubernetes: true },
  ],
])('%s', (_name, target, expected) => {
  expect(shape(narrowPools(DTO, target))).toEqual(expected);
});
