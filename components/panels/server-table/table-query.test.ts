import { expect, test } from 'vitest';
import { EMPTY_QUERY, nextSort, parseTableQuery, tableQueryToSearch, type TableQuery } from './table-query';

const parse = (search: string) => parseTableQuery(new URLSearchParams(search));

test.each<[string, TableQuery]>([
  ['', EMPTY_QUERY],
  [
    '?q=web&problems=1&sort=latency&dir=desc',
    { q: 'web', problems: true, sort: 'latency', dir: 'desc', cols: null },
  ],
  ['?sort=name', { ...EMPTY_QUERY, sort: 'name', dir: 'asc' }],
  ['?sort=status', { ...EMPTY_QUERY, sort: 'status', dir: 'desc' }],
  ['?sort=last-session', { ...EMPTY_QUERY, sort: 'last-session', dir: 'desc' }],
  ['?sort=bytes-in&dir=asc', { ...EMPTY_QUERY, sort: 'bytes-in', dir: 'asc' }],
  ['?sort=bogus&dir=up&problems=yes', EMPTY_QUERY],
  ['?sort=last-change&dir=desc', { ...EMPTY_QUERY, sort: 'last-change', dir: 'desc' }],
  ['?cols=queue,bytes-in', { ...EMPTY_QUERY, cols: ['queue', 'bytes-in'] }],
  ['?cols=bytes-in%2Cqueue', { ...EMPTY_QUERY, cols: ['queue', 'bytes-in'] }],
])('parse %s', (search, query) => {
  expect(parse(search)).toEqual(query);
});

test('round-trips through the URL', () => {
  const query: TableQuery = {
    q: 'be app, web',
    problems: true,
    sort: 'downtime',
    dir: 'asc',
    cols: ['role', 'bytes-out', 'time-total'],
  };
  expect(parse(tableQueryToSearch(query))).toEqual(query);
});

test('a column choice is written as readable ids, after the other parameters', () => {
  expect(tableQueryToSearch({ ...EMPTY_QUERY, cols: ['time-total', 'role', 'status'] })).toBe(
    '?cols=role,time-total',
  );
  expect(tableQueryToSearch({ ...EMPTY_QUERY, cols: [] })).toBe('?cols=');
  expect(tableQueryToSearch({ ...EMPTY_QUERY, q: 'a,b', cols: ['role'] })).toBe('?q=a,b&cols=role');
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
  click('last-change');
  expect([query.sort, query.dir]).toEqual(['last-change', 'asc']);
  click('http-5xx-rate');
  expect([query.sort, query.dir]).toEqual(['http-5xx-rate', 'desc']);
});
