/**
 * The pool × backend matrix as data: rows are pools, columns backend names (merged across HAProxy sources, as
 * the same backend seen over HTTP and the socket is one thing to an operator), a cell is the worst server state.
 */
import type { PoolDto, PoolServerDto } from '@/lib/api/pools-dto';
import { severityOf } from '@/lib/health/server-status';
import type { ServerStatus } from '@/lib/health/types';

export interface MatrixCell {
  pool: string;
  backend: string;
  /** The worst state among the cell's servers; null when the pool has no server in this backend. */
  worst: ServerStatus | null;
  servers: PoolServerDto[];
  /** The worst p95 among the backend's rows in this pool (one row per source). */
  checkLatencyMs: { p95: number | null };
  servingFromBackup: boolean;
}

export interface MatrixRow {
  pool: PoolDto;
  cells: MatrixCell[];
}

export interface PoolMatrix {
  backends: string[];
  rows: MatrixRow[];
}

/** severityOf: lower is worse (DOWN 0 … UP 6), so the worst server has the lowest severity. */
export function worstStatus(servers: readonly Pick<PoolServerDto, 'status'>[]): ServerStatus | null {
  let worst: ServerStatus | null = null;
  for (const s of servers)
    if (worst === null || severityOf(s.status, null) < severityOf(worst, null)) worst = s.status;
  return worst;
}

const maxOf = (values: (number | null)[]): number | null =>
  values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.max(m, v)), null);

export function buildPoolMatrix(pools: readonly PoolDto[]): PoolMatrix {
  const backends = [...new Set(pools.flatMap((p) => p.servers.map((s) => s.backend)))].sort((a, b) =>
    a.localeCompare(b),
  );
  const rows = pools
    .filter((p) => p.servers.length > 0 || p.nodes.length > 0)
    .map((pool) => ({
      pool,
      cells: backends.map((backend): MatrixCell => {
        const servers = pool.servers.filter((s) => s.backend === backend);
        const rows = pool.backends.filter((b) => b.backend === backend);
        return {
          pool: pool.name,
          backend,
          worst: worstStatus(servers),
          servers,
          checkLatencyMs: { p95: maxOf(rows.map((b) => b.checkLatencyMs.p95)) },
          servingFromBackup: rows.some((b) => b.servingFromBackup),
        };
      }),
    }));
  return { backends, rows };
}
