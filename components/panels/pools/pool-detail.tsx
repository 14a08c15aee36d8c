'use client';

import Link from 'next/link';
import type { PoolDto } from '@/lib/api/pools-dto';
import { POOLS_PAGE } from '@/lib/api/urls';
import { usePools } from '../../hooks/use-pools';
import { EmptyState } from '../../ui/empty-state';
import { formatMs, formatPct } from '../../ui/format';
import { FlappingBadge } from './flapping-badge';
import { TraefikBadge } from './pool-cards';
import { hasTraefikWarning, nodeCounts, otherWarnings } from './pool-facts';
import { PoolLatencyPanel } from './pool-latency-panel';
import { PoolNodes } from './pool-nodes';
import { PoolServers } from './pool-servers';
import { PoolRoutes } from '../routes/pool-routes';
import styles from './pools.module.css';
import { TraefikWarning } from './traefik-warning';
import { ShareButton } from '../share/share-button';
import { poolShareChoices } from '../share/share-choices';

function Stat({
  label,
  value,
  bad,
  testId,
}: {
  label: string;
  value: string;
  bad?: boolean;
  testId?: string;
}) {
  return (
    <div className={styles.stat} data-bad={String(Boolean(bad))} data-testid={testId}>
      <div className={styles.statLabel}>{label}</div>
      <div className={styles.statValue}>{value}</div>
    </div>
  );
}

function PoolStats({ pool }: { pool: PoolDto }) {
  const nodes = nodeCounts(pool);
  const { p50, p95, max } = pool.checkLatencyMs;
  return (
    <div className={styles.stats}>
      <Stat label="Nodes ready" value={`${nodes.ready}/${nodes.total}`} bad={nodes.ready < nodes.total} />
      <Stat
        label="svclb pods ready"
        value={`${pool.svclbReady}/${pool.svclbTotal}`}
        bad={pool.svclbReady < pool.svclbTotal}
        testId="pool-svclb"
      />
      <div
        className={styles.stat}
        data-bad={String(!pool.traefikLocal)}
        data-testid="pool-traefik"
        data-local={String(pool.traefikLocal)}
      >
        <div className={styles.statLabel}>Traefik</div>
        <div className={styles.statValue}>
          {pool.traefikLocal ? 'local' : 'NOT local'}{' '}
          <span className={styles.muted}>
            {pool.traefikReady}/{pool.traefikTotal}
          </span>
        </div>
      </div>
      <Stat label="Servers up / down" value={`${pool.up} / ${pool.down}`} bad={pool.down > 0} />
      <Stat label="Check p50 / p95" value={`${formatMs(p50)} / ${formatMs(p95)}`} />
      <Stat label="Check max (5 min)" value={formatMs(max)} />
      <Stat label="Uptime 24 h" value={formatPct(pool.uptimePct)} />
    </div>
  );
}

/** /pools/[pool]: one location, everything that decides whether its servers can be trusted. */
export function PoolDetailPanel({ name }: { name: string }) {
  const { data, error } = usePools();
  if (!data) {
    return error ? (
      <EmptyState title="Cannot reach the hapscope API" tone="error">
        <p>{error.message}. Retrying automatically.</p>
      </EmptyState>
    ) : (
      <p className={styles.muted}>Loading {name}…</p>
    );
  }
  const pool = data.pools.find((p) => p.name === name);
  if (!pool) {
    return (
      <EmptyState title={`No pool “${name}”`} data-testid="pool-missing">
        <p>
          Known pools: {data.pools.map((p) => p.name).join(', ') || 'none'}.{' '}
          <Link href={POOLS_PAGE}>All pools</Link>
        </p>
      </EmptyState>
    );
  }
  const warnings = otherWarnings(pool);
  return (
    <>
      <h1 className={styles.pageTitle}>
        {pool.name} <TraefikBadge pool={pool} /> <FlappingBadge pool={pool} />{' '}
        <ShareButton label={`pool ${pool.name}`} choices={poolShareChoices(pool.name)} />
      </h1>
      {hasTraefikWarning(pool) ? <TraefikWarning pool={pool.name} traefikTotal={pool.traefikTotal} /> : null}
      {warnings.length ? (
        <ul className={styles.warnings} data-testid="pool-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <PoolStats pool={pool} />
      <PoolNodes nodes={pool.nodes} />
      <PoolServers pool={pool} />
      <PoolRoutes pool={pool.name} routes={data.routes} poolServices={data.poolServices} />
      <PoolLatencyPanel pool={pool} />
    </>
  );
}
