import { memo } from 'react';
import { ShapeIcon } from '../../ui/shape-icon';
import { formatNumber } from '../../ui/format';
import { shapeOf, type StatusLook } from '../server-table/status';
import type { OverviewSummary, ServerLook } from './summary';
import styles from './summary.module.css';

const LOOK_LABELS: Record<ServerLook, string> = {
  up: 'UP',
  'going-down': 'going down',
  down: 'DOWN',
  'going-up': 'going up',
  maint: 'MAINT',
  drain: 'DRAIN',
  nolb: 'NOLB',
  nocheck: 'no check',
};

const ORDER: ServerLook[] = ['up', 'going-down', 'down', 'going-up', 'maint', 'drain', 'nolb', 'nocheck'];

interface CountProps {
  look: StatusLook;
  value: number;
  label: string;
}

function Count({ look, value, label }: CountProps) {
  return (
    <li className={styles.count} data-tone={look} data-zero={value === 0 ? 'true' : undefined}>
      <ShapeIcon shape={shapeOf(look)} className={styles.icon} />
      <span className={styles.value}>{formatNumber(value)}</span>
      <span className={styles.label}>{label}</span>
    </li>
  );
}

/**
 * Servers per state and backends by how they serve, over everything in the snapshot (not the filter). Drawn again
 * only when the counts changed (the overview keeps the summary's object while they do not).
 */
export const SummaryBar = memo(function SummaryBar({ summary }: { summary: OverviewSummary }) {
  return (
    <section className={styles.bar} aria-label="Summary" data-testid="summary-bar">
      <ul className={styles.group} aria-label={`${summary.servers} servers`}>
        <li className={styles.total}>
          <span className={styles.value}>{formatNumber(summary.servers)}</span> servers
        </li>
        {ORDER.map((look) => (
          <Count key={look} look={look} value={summary.byLook[look]} label={LOOK_LABELS[look]} />
        ))}
      </ul>
      <ul className={styles.group} aria-label={`${summary.backends} backends`}>
        <li className={styles.total}>
          <span className={styles.value}>{formatNumber(summary.backends)}</span> backends
        </li>
        <Count look="backup-only" value={summary.backendsFromBackup} label="from backup" />
        <Count look="no-server" value={summary.backendsNoServer} label="no usable server" />
      </ul>
    </section>
  );
});
