/** The table's view state as it lives in the URL: `?q=&problems=1&sort=latency&dir=desc`. */
import { DEFAULT_DIR, SORT_COLUMNS, type SortColumn, type SortDir } from './sort';

export interface TableQuery {
  q: string;
  problems: boolean;
  sort: SortColumn | null;
  dir: SortDir;
}

export const EMPTY_QUERY: TableQuery = { q: '', problems: false, sort: null, dir: 'asc' };

interface ParamsLike {
  get(name: string): string | null;
}

function isSortColumn(value: string | null): value is SortColumn {
  return (SORT_COLUMNS as readonly string[]).includes(value ?? '');
}

/** Unknown or malformed values fall back to the defaults rather than breaking a shared link. */
export function parseTableQuery(params: ParamsLike): TableQuery {
  const sortParam = params.get('sort');
  const sort = isSortColumn(sortParam) ? sortParam : null;
  const dirParam = params.get('dir');
  const dir: SortDir =
    dirParam === 'asc' || dirParam === 'desc' ? dirParam : sort ? DEFAULT_DIR[sort] : 'asc';
  const problems = params.get('problems');
  return { q: params.get('q') ?? '', problems: problems === '1' || problems === 'true', sort, dir };
}

/** The query string for a state, keeping parameters that belong to others; defaults are left out. */
export function tableQueryToSearch(query: TableQuery, base: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams(base);
  setOrDelete(params, 'q', query.q.trim() ? query.q : null);
  setOrDelete(params, 'problems', query.problems ? '1' : null);
  setOrDelete(params, 'sort', query.sort);
  setOrDelete(params, 'dir', query.sort ? query.dir : null);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function setOrDelete(params: URLSearchParams, name: string, value: string | null): void {
  if (value === null) params.delete(name);
  else params.set(name, value);
}

/** A header click: a new column starts in its natural direction, the same column flips, then sorting stops. */
export function nextSort(query: TableQuery, column: SortColumn): Pick<TableQuery, 'sort' | 'dir'> {
  if (query.sort !== column) return { sort: column, dir: DEFAULT_DIR[column] };
  if (query.dir === DEFAULT_DIR[column]) return { sort: column, dir: query.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: null, dir: 'asc' };
}
