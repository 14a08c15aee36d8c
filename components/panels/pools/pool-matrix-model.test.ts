import { expect, test } from 'vitest';
import type { PoolDto, PoolServerDto } from '@/lib/api/pools-dto';
import type { ServerStatus } from '@/lib/health/types';
import { buildPoolMatrix, worstStatus } from './pool-matrix-model';

const server = (backend: string, name: string, status: ServerStatus, instance = 'main'): PoolServerDto => ({
  instance,
  backend,
  server: name,
  status,
  node: 'n1',
  backup: false,
  checkDurationMs: 3,
});

const pool = (name: string, servers: PoolServerDto[], over: Partial<PoolDto> = {}): PoolDto => ({
  name,
  nodes: [{ name: `${name}-1`, ready: true, cordoned: false, addresses: ['10.0.0.1'] }],
  servers,
  svclbReady: 1,
  svclbTotal: 1,
  traefikLocal: true,
  checkLatencyMs: { p50: null, p95: null, max: null },
  flapping: false,
  flappingServers: 0,
  backends: [],
  traefikReady: 1,
  traefikTotal: 1,
  up: 0,
  down: 0,
  uptimePct: null,
  warnings: [],
  ...over,
});

test.each<[ServerStatus[], ServerStatus | null]>([
  [[], null],
  [['UP'], 'UP'],
  [['UP', 'NOCHECK'], 'UP'],
  [['UP', 'MAINT'], 'MAINT'],
  [['MAINT', 'DRAIN', 'UP'], 'DRAIN'],
  [['UP', 'DOWN', 'MAINT'], 'DOWN'],
  [['NOCHECK'], 'NOCHECK'],
])('the worst of %j is %s', (statuses, worst) => {
  expect(worstStatus(statuses.map((status) => ({ status })))).toBe(worst);
});

test('rows are pools, columns every backend name across sources, a cell the worst of its servers', () => {
  const matrix = buildPoolMatrix([
    pool(
      'pool-a',
      [server('code', 'a1', 'UP'), server('code', 'a1', 'DOWN', 'sock'), server('api', 'x', 'UP')],
      {
        backends: [
          {
            instance: 'main',
            backend: 'code',
            up: 1,
            down: 0,
            total: 1,
            servingFromBackup: false,
            checkLatencyMs: { p50: 2, p95: 9, max: 12 },
          },
          {
            instance: 'sock',
            backend: 'code',
            up: 0,
            down: 1,
            total: 1,
            servingFromBackup: true,
            checkLatencyMs: { p50: 2, p95: 30, max: 40 },
          },
        ],
      },
    ),
    pool('pool-b', [server('static', 's1', 'NOCHECK')]),
    pool('empty', [], { nodes: [] }),
  ]);
  expect(matrix.backends).toEqual(['api', 'code', 'static']);
  expect(matrix.rows.map((r) => r.pool.name)).toEqual(['pool-a', 'pool-b']);
  const [a, b] = matrix.rows;
  expect(a!.cells.map((c) => c.worst)).toEqual(['UP', 'DOWN', null]);
  expect(a!.cells[1]).toMatchObject({ checkLatencyMs: { p95: 30 }, servingFromBackup: true });
  expect(a!.cells[1]!.servers).toHaveLength(2);
  expect(b!.cells.map((c) => c.worst)).toEqual([null, null, 'NOCHECK']);
});
