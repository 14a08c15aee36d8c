import { expect, test } from 'vitest';
import type { UptimeDto } from '@/lib/api/history-dto';
import { uptimeFigures } from './testing-fixtures';
import { selectedServer, toBackendUptimeRows } from './uptime-rows';

const server = (name: string, backup: boolean, pct: number, backend = 'web') => ({
  ...uptimeFigures(pct, 60),
  instance: 'main',
  backend,
  server: name,
  pool: null,
  backup,
  buckets: null,
});
const dto: UptimeDto = {
  range: '24h',
  from: '2025-05-01T00:00:00Z',
  to: '2025-05-02T00:00:00Z',
  servers: [
    server('b', false, 99),
    server('spare', true, 100),
    server('a', false, 98),
    server('x', false, 1, 'api'),
  ],
  backends: [{ ...uptimeFigures(99.5, 30), instance: 'main', backend: 'web', buckets: null }],
  pools: [],
  generatedUntil: null,
};

test('servers of the backend by name, backups last; the backend row apart', () => {
  const rows = toBackendUptimeRows(dto, 'main', 'web');
  expect(rows.servers.map((s) => s.name)).toEqual(['a', 'b', 'spare']);
  expect(rows.servers[0]).toEqual({
    name: 'a',
    backup: false,
    uptimePct: 98,
    downtimeSec: 60,
    buckets: null,
  });
  expect(rows.backendRow).toEqual({
    name: '',
    backup: false,
    uptimePct: 99.5,
    downtimeSec: 30,
    buckets: null,
  });
});

test('nothing loaded or another backend: no rows', () => {
  expect(toBackendUptimeRows(undefined, 'main', 'web')).toEqual({ servers: [], backendRow: null });
  expect(toBackendUptimeRows(dto, 'eu', 'web')).toEqual({ servers: [], backendRow: null });
});

test.each([
  ['b', 'b'],
  ['gone', 'a'],
  [null, 'a'],
])('asked %s → charts show %s', (asked, shown) => {
  expect(selectedServer(asked, toBackendUptimeRows(dto, 'main', 'web').servers)).toBe(shown);
});

test('while loading, the server asked for', () => {
  expect(selectedServer('b', [])).toBe('b');
  expect(selectedServer(null, [])).toBeNull();
});
