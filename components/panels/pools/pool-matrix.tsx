'use client';

import Link from 'next/link';
import { memo } from 'react';
import { poolHref } from '@/lib/api/urls';
import { Badge } from '../../ui/badge';
import { formatMs } from '../../ui/format';
import { serverStatusView } from '../server-table/status';
import { usePoolMatrix } from '../live-overview/use-live-overview';
import type { MatrixCell } from './pool-matrix-model';
import styles from './pools.module.css';
import { ShareButton } from '../share/share-button';
import { POOL_MATRIX_CHOICES } from '../share/share-choices';

export function PoolStatusBadge({ status, size }: { status: MatrixCell['worst']; size?: 'sm' | 'md' }) {
  if (status === null) return null;
  const view = serverStatusView({ status, transition: null, statusText: status });
  return (
    <Badge tone={view.look} shape={view.shape} size={size}>
      {view.label}
    </Badge>
  );
}

function Cell({ cell }: { cell: MatrixCell }) {
  const testId = `pool-cell-${cell.pool}-${cell.backend}`;
  if (cell.worst === null) {
    return (
      <td className={styles.cellWrap} data-testid={testId} data-status="none">
        <span className={styles.emptyCell} aria-label={`${cell.pool} has no ${cell.backend} server`}>
          –
        </span>
      </td>
    );
  }
  const tipId = `tip-${cell.pool}-${cell.backend}`;
  // "no check" servers take traffic too: they count as ok, like UP ones.
  const ok = cell.servers.filter((s) => s.status === 'UP' || s.status === 'NOCHECK').length;
  return (
    <td className={styles.cellWrap} data-testid={testId} data-status={cell.worst}>
      <Link href={poolHref(cell.pool)} className={styles.cell} aria-describedby={tipId}>
        <PoolStatusBadge status={cell.worst} size="sm" />
        <span className={styles.cellCount}>
          {ok}/{cell.servers.length} ok
        </span>
      </Link>
      <div className={styles.tip} role="tooltip" id={tipId}>
        <p className={styles.tipTitle}>
          {cell.backend} in {cell.pool}
          {cell.servingFromBackup ? ' · backend on backups' : ''}
        </p>
        <ul className={styles.tipList}>
          {cell.servers.map((s) => (
            <li key={`${s.instance}/${s.server}`}>
              <PoolStatusBadge status={s.status} size="sm" />
              <span>
                {s.server}
                {s.backup ? <span className={styles.muted}> (backup)</span> : null}
              </span>
              <span className={styles.muted}>
                {s.instance} · {s.node ?? 'no node'}
              </span>
              <span className={styles.mono}>{formatMs(s.checkDurationMs)}</span>
            </li>
          ))}
        </ul>
        <p className={styles.note}>Check latency p95 (5 min): {formatMs(cell.checkLatencyMs.p95)}</p>
      </div>
    </td>
  );
}

/** Pools × backends on the overview: where a backend's trouble sits geographically (its own data: no props). */
export const PoolMatrixPanel = memo(function PoolMatrixPanel() {
  // Read and built in the overview's worker, once a poll: the pools' answer lists every server.
  const matrix = usePoolMatrix();
  if (!matrix || matrix.rows.length === 0 || matrix.backends.length === 0) return null;
  return (
    <section className={styles.matrix} data-testid="pool-matrix" aria-label="Pools by backend">
      <h2 className={styles.sectionTitle}>
        Location pools <ShareButton label="the pool matrix" choices={POOL_MATRIX_CHOICES} />
      </h2>
      <table className={styles.matrixTable}>
        <thead>
          <tr>
            <th scope="col">Pool</th>
            {matrix.backends.map((b) => (
              <th key={b} scope="col">
                {b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map(({ pool, cells }) => (
            <tr key={pool.name}>
              <th scope="row">
                <span className={styles.poolHead}>
                  <Link href={poolHref(pool.name)} className={styles.poolLink}>
                    {pool.name}
                  </Link>
                  {!pool.traefikLocal && pool.nodes.length > 0 ? (
                    <Badge tone="down" shape="cross" size="sm" title={pool.warnings[0]}>
                      no local Traefik
                    </Badge>
                  ) : null}
                </span>
              </th>
              {cells.map((cell) => (
                <Cell key={cell.backend} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
});
