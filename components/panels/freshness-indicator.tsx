'use client';

import { useNow } from '../ui/use-now';
import { formatAge } from '../ui/format';
import { freshness, type Freshness } from './freshness';
import { useLiveStatus } from './live-overview/use-live-overview';
import styles from './freshness-indicator.module.css';

const LABELS: Record<Freshness, string> = {
  loading: 'Connecting',
  live: 'Live',
  stale: 'Stale',
  offline: 'Offline',
};

/** The top bar's answer to "is this live?": a dot, a word and the age of the latest snapshot. */
export function FreshnessIndicator() {
  const { receivedAt, error, pollIntervalMs } = useLiveStatus();
  const now = useNow();
  const state = freshness({ receivedAt, hasError: !!error, pollIntervalMs, now });
  const age = receivedAt === null ? null : formatAge(Math.max(0, now - receivedAt));
  const title =
    state === 'offline'
      ? `Cannot reach the hapscope API: ${error?.message ?? 'unknown error'}`
      : `Snapshot refreshed every ${pollIntervalMs / 1000} s`;
  return (
    <div className={styles.freshness} data-state={state} data-testid="freshness" title={title}>
      <span className={styles.dot} aria-hidden="true" />
      <span role="status" className={styles.label}>
        {LABELS[state]}
      </span>
      {age ? <span className={styles.age}>updated {age}</span> : null}
    </div>
  );
}
