import { describe, expect, test } from 'vitest';
import {
  bucketCountFor,
  historyQueryToSearch,
  parseHistoryQuery,
  rangeInterval,
  rangeToApiParams,
  type HistoryQuery,
} from './history-query';

const parse = (search: string) => parseHistoryQuery(new URLSearchParams(search));
const NOW = Date.parse('2025-05-01T12:00:00Z');

describe('parseHistoryQuery', () => {
  test.each([
    ['', { kind: 'preset', preset: '24h' }],
    ['range=1h', { kind: 'preset', preset: '1h' }],
    ['range=6h', { kind: 'preset', preset: '6h' }],
    ['range=2y', { kind: 'preset', preset: '24h' }],
    [
      'from=2025-05-01T10:00:00Z&to=2025-05-01T11:00:00Z',
      { kind: 'custom', from: Date.parse('2025-05-01T10:00:00Z'), to: Date.parse('2025-05-01T11:00:00Z') },
    ],
    ['from=1000&to=5000', { kind: 'custom', from: 1000, to: 5000 }],
    ['from=5000&to=1000', { kind: 'preset', preset: '24h' }],
    ['from=nonsense&to=1000&range=7d', { kind: 'preset', preset: '7d' }],
  ])('%s', (search, range) => {
    expect(parse(search).range).toEqual(range);
  });

  test('reads the server, ignoring an empty one', () => {
    expect(parse('server=agent1').server).toBe('agent1');
    expect(parse('server=').server).toBeNull();
  });
});

describe('historyQueryToSearch', () => {
  test.each<[HistoryQuery, string]>([
    [{ range: { kind: 'preset', preset: '24h' }, server: null }, ''],
    [{ range: { kind: 'preset', preset: '1h' }, server: 'agent1' }, '?range=1h&server=agent1'],
    [
      { range: { kind: 'custom', from: Date.parse('2025-05-01T10:00:00Z'), to: NOW }, server: null },
      '?from=2025-05-01T10%3A00%3A00.000Z&to=2025-05-01T12%3A00%3A00.000Z',
    ],
  ])('%j → %s', (query, search) => {
    expect(historyQueryToSearch(query, new URLSearchParams())).toBe(search);
  });

  test('keeps unrelated parameters and drops the old range', () => {
    const current = new URLSearchParams('q=api&from=1&to=2&server=x');
    expect(historyQueryToSearch({ range: { kind: 'preset', preset: '7d' }, server: null }, current)).toBe(
      '?q=api&range=7d',
    );
  });

  test('round-trips through the URL', () => {
    const query: HistoryQuery = {
      range: { kind: 'custom', from: 1_700_000_000_000, to: 1_700_000_360_000 },
      server: 's 1',
    };
    expect(parse(historyQueryToSearch(query, new URLSearchParams()).slice(1))).toEqual(query);
  });
});

describe('rangeToApiParams', () => {
  test('the API presets go as range=', () => {
    expect(rangeToApiParams({ kind: 'preset', preset: '30d' }, NOW)).toBe('range=30d');
  });
  test('6h goes as a window ending now', () => {
    expect(rangeToApiParams({ kind: 'preset', preset: '6h' }, NOW)).toBe(
      `from=${NOW - 6 * 3_600_000}&to=${NOW}`,
    );
  });
  test('a custom range goes as it is', () => {
    expect(rangeToApiParams({ kind: 'custom', from: 10, to: 20 }, NOW)).toBe('from=10&to=20');
    expect(rangeInterval({ kind: 'custom', from: 10, to: 20 }, NOW)).toEqual({ from: 10, to: 20 });
  });
  test('every range has a bar of 60–96 cells', () => {
    for (const preset of ['1h', '6h', '24h', '7d', '30d'] as const) {
      expect(bucketCountFor({ kind: 'preset', preset })).toBeGreaterThanOrEqual(60);
      expect(bucketCountFor({ kind: 'preset', preset })).toBeLessThanOrEqual(96);
    }
  });
});
