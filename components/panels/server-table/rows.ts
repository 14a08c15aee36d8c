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

/**
 * Rows name places, not objects: `place` is the backend's in the snapshot's backends, `serverPlace` the server's in
 * that backend's servers. The rows are built again when the snapshot's shape changes (what rows there are, where,
 * in which state); between, each poll's figures are read at the same places (rowObjects).
 */
export interface BackendRow {
  kind: 'backend';
  key: string;
  place: number;
  /** Servers of this backend that pass the filters (shown unless collapsed). */
  matching: number;
  /** Servers of this backend, filtered or not. */
  total: number;
  collapsed: boolean;
}

export interface ServerRow {
  kind: 'server';
  key: string;
  place: number;
  serverPlace: number;
}

export type TableRow = BackendRow | ServerRow;

/** The backend (and server) a row stands for in `backends`: the snapshot of the same shape the rows were built for. */
export function rowObjects(row: BackendRow, backends: readonly Backend[]): { backend: Backend } | null;
export function rowObjects(
  row: ServerRow,
  backends: readonly Backend[],
): { backend: Backend; server: Server } | null;
export function rowObjects(
  row: TableRow,
  backends: readonly Backend[],
): { backend: Backend; server?: Server } | null {
  const backend = backends[row.place];
  if (!backend) return null;
  if (row.kind === 'backend') return { backend };
  const server = backend.servers[row.serverPlace];
  return server ? { backend, server } : null;
}

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

interface PlacedServer {
  server: Server;
  place: number;
}

interface Group {
  backend: Backend;
  place: number;
  servers: PlacedServer[];
}

/** A problem backend (from backup, no usable server, DOWN) keeps all its servers: they explain the problem. */
export function filterBackends(
  backends: readonly Backend[],
  query: Pick<TableQuery, 'q' | 'problems'>,
): Group[] {
  const terms = searchTerms(query.q);
  const groups: Group[] = [];
  backends.forEach((backend, place) => {
    const backendPasses = !query.problems || isBackendProblem(backend);
    const servers: PlacedServer[] = [];
    backend.servers.forEach((server, serverPlace) => {
      if ((backendPasses || isServerProblem(server)) && matchesTerms(terms, backend, server))
        servers.push({ server, place: serverPlace });
    });
    if (servers.length > 0 || (backendPasses && matchesTerms(terms, backend, null))) {
      groups.push({ backend, place, servers });
    }
  });
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
    ...g,
    servers: stableSortBy(g.servers, (s) => serverSortValue(s.server, g.backend, column, ctx), dir),
  }));
  return stableSortBy(
    sorted,
    (g) =>
      backendSortValue(
        g.backend,
        g.servers.map((s) => s.server),
        column,
        ctx,
      ),
    dir,
  );
}

export function toTableRows(
  backends: readonly Backend[],
  query: TableQuery,
  ctx: ColumnContext,
  collapsed: ReadonlySet<string> = new Set(),
): TableRow[] {
  const rows: TableRow[] = [];
  for (const { backend, place, servers } of sortGroups(filterBackends(backends, query), query, ctx)) {
    const key = backendKey(backend);
    const isCollapsed = collapsed.has(key);
    rows.push({
      kind: 'backend',
      key,
      place,
      matching: servers.length,
      total: backend.servers.length,
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    for (const { server, place: serverPlace } of servers)
      rows.push({ kind: 'server', key: `${key}/${server.name}`, place, serverPlace });
  }
  return rows;
}
