'use client';

import { useMemo } from 'react';
import type { PoolDto } from '@/lib/api/pools-dto';
import { POOLS_PAGE, poolHref } from '@/lib/api/urls';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { usePools } from '../../hooks/use-pools';
import { formatMs, formatPct } from '../../ui/format';
import { FlappingBadge } from '../pools/flapping-badge';
import { nodeCounts } from '../pools/pool-facts';
import { buildPoolMatrix } from '../pools/pool-matrix-model';
import { PoolStatusBadge } from '../pools/pool-matrix';
import { TraefikBadge } from '../pools/pool-cards';
import { ServerStatusBadge } from '../server-table/status-badge';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';

/** One location pool: Traefik, nodes, its servers' states and check latency; the warnings the pool page shows. */
export function PoolEmbed({ options }: { options: EmbedOptions }) {
  const { data, error } = usePools({ refreshMs: options.refreshSec * 1000 });
  if (options.target.type !== 'pool') return null;
  const name = options.target.pool;
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  const pool = data.pools.find((p) => p.name === name);
  if (!pool)
    return (
      <EmbedProblem
        title="Not found"
        problems={[`No pool “${name}” (known: ${data.pools.map((p) => `“${p.name}”`).join(', ') || 'none'})`]}
      />
    );
  return (
    <EmbedCard
      title={`Pool ${pool.name}`}
      href={poolHref(pool.name)}
      showTitle={options.title}
      data-testid="embed-pool"
    >
      <PoolFacts pool={pool} />
      <ul className={styles.serverList}>
        {pool.servers.map((s) => (
          <li key={`${s.instance}/${s.backend}/${s.server}`}>
            <ServerStatusBadge server={{ status: s.status, transition: null, statusText: s.status }} />
            <span className={styles.name}>{s.server}</span>
            <span className={styles.muted}>
              {s.backend} · {s.instance}
            </span>
          </li>
        ))}
      </ul>
      {pool.warnings.length ? (
        <ul className={styles.warnings}>
          {pool.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </EmbedCard>
  );
}

function PoolFacts({ pool }: { pool: PoolDto }) {
  const nodes = nodeCounts(pool);
  return (
    <div className={styles.summary}>
      <TraefikBadge pool={pool} />
      <FlappingBadge pool={pool} />
      <span>
        nodes <span className="num">{`${nodes.ready}/${nodes.total}`}</span> · {pool.up} up · {pool.down} down
        · check p95 {formatMs(pool.checkLatencyMs.p95)} · uptime {formatPct(pool.uptimePct)}
      </span>
    </div>
  );
}

/** Pools × backends: the worst server state in each cell (read-only: no links into the dashboard but one). */
export function PoolMatrixEmbed({ options }: { options: EmbedOptions }) {
  const { data, error } = usePools({ refreshMs: options.refreshSec * 1000 });
  const matrix = useMemo(() => buildPoolMatrix(data?.pools ?? []), [data]);
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  if (matrix.rows.length === 0)
    return (
      <EmbedProblem
        title="No pools"
        problems={['hapscope knows no location pools (is Kubernetes configured?)']}
      />
    );
  return (
    <EmbedCard
      title="Location pools"
      href={POOLS_PAGE}
      showTitle={options.title}
      data-testid="embed-pool-matrix"
    >
      <div className={styles.scroll}>
        <table className={styles.table}>
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
                <th scope="row" className={styles.rowHead}>
                  {pool.name}
                </th>
                {cells.map((cell) => (
                  <td
                    key={cell.backend}
                    data-testid={`embed-pool-cell-${cell.pool}-${cell.backend}`}
                    data-status={cell.worst ?? 'none'}
                  >
                    {cell.worst ? (
                      <PoolStatusBadge status={cell.worst} size="sm" />
                    ) : (
                      <span className={styles.muted}>–</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </EmbedCard>
  );
}
