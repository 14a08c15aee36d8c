import { describe, expect, test } from 'vitest';
import { pageSearch } from '@/lib/api/urls';
import { parseHistoryQuery, type HistoryQuery } from './history-query';

const parse = (search: string) => parseHistoryQuery(new URLSearchParams(search));

describe('parseHistoryQuery', () => {
  test.each([
    ['', { kind: 'preset', preset: '24h' }],
    ['range=1h', { kind: 'preset', preset: '1h' }],
    ['range=6h', { kind: 'preset', preset: '6h' }],
    ['range=2y', { kind: 'preset', preset: '24h' }],
    ['range=15m', { kind: 'preset', preset: '24h' }],
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

  test('round-trips through the URL', () => {
    const query: HistoryQuery = {
      range: { kind: 'custom', from: 1_700_000_000_000, to: 1_700_000_360_000 },
      server: 's 1',
    };
    expect(parse(pageSearch(query).slice(1))).toEqual(query);
  });
});
