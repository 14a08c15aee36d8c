'use client';

import Link from 'next/link';
import type { PoolDto } from '@/lib/api/pools-dto';
import { poolHref } from '@/lib/api/urls';
import { usePools } from '../../hooks/use-pools';
import { Badge } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { formatMs, formatPct } from '../../ui/format';
import { FlappingBadge } from './flapping-badge';
import { hasTraefikWarning, nodeCounts, otherWarnings } from './pool-facts';
import styles from './pools.module.css';
import { ShareButton } from '../share/share-button';
import { poolShareChoices } from '../share/share-choices';

export function TraefikBadge({ pool }: { pool: PoolDto }) {
  // A pool without nodes (unassigned, or a STATIC_POOLS name) has no svclb or Traefik to speak of.
  if (pool.nodes.length === 0) return null;
  if (pool.traefikLocal)
    return (
      <Badge tone="up" shape="circle" size="sm">
        Traefik local {pool.traefikReady}/{pool.traefikTotal}
      </Badge>
    );
  return (
    <Badge tone="down" shape="cross" size="sm" solid={hasTraefikWarning(pool)}>
      no local Traefik
    </Badge>
  );
}

function PoolCard({ pool }: { pool: PoolDto }) {
  const nodes = nodeCounts(pool);
  const warnings = otherWarnings(pool);
  return (
    <article
      className={styles.card}
      data-testid={`pool-card-${pool.name}`}
      data-traefik-local={String(pool.traefikLocal)}
      data-warn={String(hasTraefikWarning(pool))}
    >
      <div className={styles.cardHead}>
        <Link href={poolHref(pool.name)} className={`${styles.poolLink} ${styles.cardName}`}>
          {pool.name}
        </Link>
        <TraefikBadge pool={pool} />
        <FlappingBadge pool={pool} />
        <ShareButton label={`pool ${pool.name}`} choices={poolShareChoices(pool.name)} />
      </div>
      {hasTraefikWarning(pool) ? (
        <p className={styles.note}>
          svclb forwards to a Traefik in another location: expect flapping checks.
        </p>
      ) : null}
      <dl className={styles.facts}>
        <dt>Nodes ready</dt>
        <dd>
          {nodes.ready}/{nodes.total}
          {nodes.cordoned ? ` · ${nodes.cordoned} cordoned` : ''}
        </dd>
        <dt>svclb ready</dt>
        <dd>
          {pool.svclbReady}/{pool.svclbTotal}
        </dd>
        <dt>Servers</dt>
        <dd>
          {pool.servers.length} · {pool.up} up · {pool.down} down
        </dd>
        <dt>Check p95 / max</dt>
        <dd>
          {formatMs(pool.checkLatencyMs.p95)} / {formatMs(pool.checkLatencyMs.max)}
        </dd>
        <dt>Uptime 24 h</dt>
        <dd>{formatPct(pool.uptimePct)}</dd>
      </dl>
      {warnings.length ? (
        <ul className={styles.warnings}>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

/** /pools: one card per location pool, the ones without a local Traefik marked. */
export function PoolCardsPanel() {
  const { data, error } = usePools();
  if (!data) {
    return error ? (
      <EmptyState title="Cannot reach the hapscope API" tone="error">
        <p>{error.message}. Retrying automatically.</p>
      </EmptyState>
    ) : (
      <p className={styles.muted}>Loading pools…</p>
    );
  }
  if (data.pools.length === 0) {
    return (
      <EmptyState title="No pools" data-testid="no-pools">
        <p>
          No HAProxy server is placed in a pool yet. With Kubernetes, servers map to nodes by address; without
          it, set <code>STATIC_POOLS</code> or <code>SERVER_OVERRIDES</code>.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={styles.cards}>
      {data.pools.map((pool) => (
        <PoolCard key={pool.name} pool={pool} />
      ))}
    </div>
  );
}
