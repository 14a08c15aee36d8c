import { expect, test } from 'vitest';
import type { UptimeDto } from '@/lib/api/history-dto';
import { uptimeFigures } from './testing-fixtures';
import { toUptimeGroups } from './uptime-sort';

const figures = (uptimePct: number | null) => ({ ...uptimeFigures(uptimePct), buckets: null });
const server = (backend: string, name: string, pct: number | null) => ({
  instance: 'lb',
  backend,
  server: name,
  pool: null,
  backup: false,
  ...figures(pct),
});
const dto: UptimeDto = {
  range: '24h',
  from: '',
  to: '',
  generatedUntil: null,
  pools: [],
  backends: [
    { instance: 'lb', backend: 'b', ...figures(99) },
    { instance: 'lb', backend: 'a', ...figures(100) },
    { instance: 'lb', backend: 'c', ...figures(null) },
  ],
  servers: [server('a', 'a2', 100), server('a', 'a1', 100), server('b', 'b1', 98), server('b', 'b2', 100)],
};

test('by uptime, worst first; no figure last; ties by name', () => {
  const groups = toUptimeGroups(dto, 'uptime', 'asc');
  expect(groups.map((g) => g.backend.backend)).toEqual(['b', 'a', 'c']);
  expect(groups[0]!.servers.map((s) => s.server)).toEqual(['b1', 'b2']);
  expect(groups[1]!.servers.map((s) => s.server)).toEqual(['a1', 'a2']);
});

test('by uptime descending keeps no figure last', () => {
  expect(toUptimeGroups(dto, 'uptime', 'desc').map((g) => g.backend.backend)).toEqual(['a', 'b', 'c']);
});

test('by name, both directions', () => {
  expect(toUptimeGroups(dto, 'name', 'asc').map((g) => g.backend.backend)).toEqual(['a', 'b', 'c']);
  expect(toUptimeGroups(dto, 'name', 'desc').map((g) => g.backend.backend)).toEqual(['c', 'b', 'a']);
});
