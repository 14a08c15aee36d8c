/** The table's view state as it lives in the URL: `?q=&problems=1&sort=latency&dir=desc&cols=queue,rate`. */
import { columnChoiceParam, parseColumnChoice, type ColumnChoice } from './column-choice';
import { columnById, isColumnId } from './columns';
import type { SortColumn, SortDir } from './sort';

export interface TableQuery {
  q: string;
  problems: boolean;
  sort: SortColumn | null;
  dir: SortDir;
  /** The columns shown; null: the defaults. */
  cols: ColumnChoice;
}

export const EMPTY_QUERY: TableQuery = { q: '', problems: false, sort: null, dir: 'asc', cols: null };

interface ParamsLike {
  get(name: string): string | null;
}

function firstDir(column: SortColumn): SortDir {
  return columnById(column)?.firstDir ?? 'asc';
}

/** Unknown or malformed values fall back to the defaults rather than breaking a shared link. */
export function parseTableQuery(params: ParamsLike): TableQuery {
  const sortParam = params.get('sort');
  const sort = isColumnId(sortParam) ? sortParam : null;
  const dirParam = params.get('dir');
  const dir: SortDir = dirParam === 'asc' || dirParam === 'desc' ? dirParam : sort ? firstDir(sort) : 'asc';
  const problems = params.get('problems');
  return {
    q: params.get('q') ?? '',
    problems: problems === '1' || problems === 'true',
    sort,
    dir,
    cols: parseColumnChoice(params.get('cols')),
  };
}

/** The query string for a state, keeping parameters that belong to others; defaults are left out. */
export function tableQueryToSearch(query: TableQuery, base: URLSearchParams = new URLSearchParams()): string {
  const params = new URLSearchParams(base);
  setOrDelete(params, 'q', query.q.trim() ? query.q : null);
  setOrDelete(params, 'problems', query.problems ? '1' : null);
  setOrDelete(params, 'sort', query.sort);
  setOrDelete(params, 'dir', query.sort ? query.dir : null);
  setOrDelete(params, 'cols', columnChoiceParam(query.cols));
  // Commas need no escaping in a query string; kept literal, `cols=queue,rate` stays readable in a shared link.
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

function setOrDelete(params: URLSearchParams, name: string, value: string | null): void {
  if (value === null) params.delete(name);
  else params.set(name, value);
}

/** A header click: a new column starts in its natural direction, the same column flips, then sorting stops. */
export function nextSort(query: TableQuery, column: SortColumn): Pick<TableQuery, 'sort' | 'dir'> {
  if (query.sort !== column) return { sort: column, dir: firstDir(column) };
  if (query.dir === firstDir(column)) return { sort: column, dir: query.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: null, dir: 'asc' };
}
