import { expect, test } from 'vitest';
import { EMPTY_QUERY, nextSort, parseTableQuery, tableQueryToSearch, type TableQuery } from './table-query';

const parse = (search: string) => parseTableQuery(new URLSearchParams(search));

test.each<[string, TableQuery]>([
  ['', EMPTY_QUERY],
  ['?q=web&problems=1&sort=latency&dir=desc', { q: 'web', problems: true, sort: 'latency', dir: 'desc' }],
  ['?sort=name', { q: '', problems: false, sort: 'name', dir: 'asc' }],
  ['?sort=status', { q: '', problems: false, sort: 'status', dir: 'desc' }],
  ['?sort=bogus&dir=up&problems=yes', EMPTY_QUERY],
  ['?sort=last-change&dir=desc', { q: '', problems: false, sort: 'last-change', dir: 'desc' }],
])('parse %s', (search, query) => {
  expect(parse(search)).toEqual(query);
});

test('round-trips through the URL', () => {
  const query: TableQuery = { q: 'be app', problems: true, sort: 'downtime', dir: 'asc' };
  expect(parse(tableQueryToSearch(query))).toEqual(query);
});

test('leaves defaults out and keeps foreign parameters', () => {
  expect(tableQueryToSearch(EMPTY_QUERY)).toBe('');
  expect(tableQueryToSearch(EMPTY_QUERY, new URLSearchParams('range=24h&q=old'))).toBe('?range=24h');
  expect(tableQueryToSearch({ ...EMPTY_QUERY, q: '   ' })).toBe('');
});

test('header clicks cycle natural direction → reversed → unsorted', () => {
  let query: TableQuery = EMPTY_QUERY;
  const click = (column: Parameters<typeof nextSort>[1]) =>
    (query = { ...query, ...nextSort(query, column) });
  click('latency');
  expect([query.sort, query.dir]).toEqual(['latency', 'desc']);
  click('latency');
  expect([query.sort, query.dir]).toEqual(['latency', 'asc']);
  click('latency');
  expect(query.sort).toBeNull();
  click('name');
  expect([query.sort, query.dir]).toEqual(['name', 'asc']);
  click('status');
  expect([query.sort, query.dir]).toEqual(['status', 'desc']);
});
