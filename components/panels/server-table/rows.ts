/**
 * From a snapshot's backends to the flat list of rows the virtualized table renders: filter (search, problems
 * only), sort servers inside each backend and the backends themselves, then flatten with collapsed groups.
 */
import type { Backend, Server } from '@/lib/health/types';
import type { ColumnContext } from './column-readings';
import { columnById } from './columns';
import { backendSortValue, serverSortValue, stableSortBy } from './sort';
import { isBackendProblem, isServerProblem } from './status';
import type { TableQuery } from './table-query';

export interface BackendRow {
  kind: 'backend';
  key: string;
  backend: Backend;
  /** Servers of this backend that pass the filters (shown unless collapsed). */
  matching: number;
  collapsed: boolean;
}

export interface ServerRow {
  kind: 'server';
  key: string;
  backend: Backend;
  server: Server;
}

export type TableRow = BackendRow | ServerRow;

export function backendKey(backend: Pick<Backend, 'instance' | 'name'>): string {
  return `${backend.instance}/${backend.name}`;
}

/** Lower-cased terms; every term must match somewhere (instance, backend, server, address, node, pool). */
export function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchesTerms(terms: string[], backend: Backend, server: Server | null): boolean {
  if (terms.length === 0) return true;
  const haystack = [backend.instance, backend.name, server?.name, server?.address, server?.node, server?.pool]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

interface Group {
  backend: Backend;
  servers: Server[];
}

/** A problem backend (from backup, no usable server, DOWN) keeps all its servers: they explain the problem. */
export function filterBackends(
  backends: readonly Backend[],
  query: Pick<TableQuery, 'q' | 'problems'>,
): Group[] {
  const terms = searchTerms(query.q);
  const groups: Group[] = [];
  for (const backend of backends) {
    const backendPasses = !query.problems || isBackendProblem(backend);
    const servers = backend.servers.filter(
      (s) => (backendPasses || isServerProblem(s)) && matchesTerms(terms, backend, s),
    );
    if (servers.length > 0 || (backendPasses && matchesTerms(terms, backend, null))) {
      groups.push({ backend, servers });
    }
  }
  return groups;
}

export function sortGroups(
  groups: Group[],
  query: Pick<TableQuery, 'sort' | 'dir'>,
  ctx: ColumnContext,
): Group[] {
  const column = query.sort ? columnById(query.sort) : undefined;
  if (!column) return groups;
  const { dir } = query;
  const sorted = groups.map((g) => ({
    backend: g.backend,
    servers: stableSortBy(g.servers, (s) => serverSortValue(s, g.backend, column, ctx), dir),
  }));
  return stableSortBy(sorted, (g) => backendSortValue(g.backend, g.servers, column, ctx), dir);
}

export function toTableRows(
  backends: readonly Backend[],
  query: TableQuery,
  ctx: ColumnContext,
  collapsed: ReadonlySet<string> = new Set(),
): TableRow[] {
  const rows: TableRow[] = [];
  for (const { backend, servers } of sortGroups(filterBackends(backends, query), query, ctx)) {
    const key = backendKey(backend);
    const isCollapsed = collapsed.has(key);
    rows.push({ kind: 'backend', key, backend, matching: servers.length, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const server of servers)
      rows.push({ kind: 'server', key: `${key}/${server.name}`, backend, server });
  }
  return rows;
}
