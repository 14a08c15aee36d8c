import Link from 'next/link';
import { memo, type CSSProperties } from 'react';
import { backendHref } from '@/lib/api/urls';
import { formatRatio } from '../../ui/format';
import { BackendUptime24h } from '../history/overview-uptime';
import { ShareButton } from '../share/share-button';
import { backendShareChoices } from '../share/share-choices';
import type { ColumnDef, ColumnId } from './columns';
import type { BackendRow } from './rows';
import styles from './server-table.module.css';
import { BackendStatusBadge } from './status-badge';

/**
 * Columns the backend name covers, and the ones its active/backup summary covers. The name cell lies under
 * the whole row so that its label can stay in view (sticky) however far the table scrolls sideways.
 */
const NAME_SPAN: ColumnId[] = ['server', 'role', 'address'];
const SUMMARY_SPAN: ColumnId[] = ['node', 'pool', 'check', 'latency'];

export interface BackendRowViewProps {
  row: BackendRow;
  columns: readonly ColumnDef[];
  style: CSSProperties;
  rowIndex: number;
  onToggle?: (key: string) => void;
}

function UpCount({ label, up, total }: { label: string; up: number; total: number }) {
  const none = total > 0 && up === 0;
  return (
    <span className={none ? styles.countNone : styles.count}>
      {label} <span className="num">{`${up}/${total}`}</span>
    </span>
  );
}

/** The group header of a backend: its state, usable active/backup counts, and its own traffic figures. */
export const BackendRowView = memo(function BackendRowView({
  row,
  columns,
  style,
  rowIndex,
  onToggle,
}: BackendRowViewProps) {
  const { backend, collapsed, matching } = row;
  const nameSpan = columns.filter((c) => NAME_SPAN.includes(c.id)).length;
  const afterName = columns.slice(1 + nameSpan).reduce((sum, c) => sum + c.minWidth, 0);
  const summarySpan = columns.filter((c) => SUMMARY_SPAN.includes(c.id)).length;
  const rest = columns.slice(1 + nameSpan + summarySpan);
  const tag = backend.noUsableServer
    ? 'no usable server'
    : backend.servingFromBackup
      ? 'serving from backup'
      : null;
  const total = backend.servers.length;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      data-row-index={rowIndex}
      tabIndex={-1}
      className={styles.backendRow}
      data-critical={backend.noUsableServer ? 'none' : backend.servingFromBackup ? 'backup' : undefined}
      style={style}
      data-testid={`backend-row-${backend.instance}-${backend.name}`}
    >
      <div role="cell" className={styles.cell}>
        <BackendStatusBadge backend={backend} />
      </div>
      <div
        role="cell"
        className={styles.cell}
        style={{ gridColumn: '2 / -1', gridRow: 1, '--after-name': `${afterName}px` } as CSSProperties}
      >
        <span className={styles.backendLabel}>
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${backend.name} on ${backend.instance}`}
            onClick={() => onToggle?.(row.key)}
            data-collapsed={collapsed ? 'true' : 'false'}
          >
            <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
              <path d="M2 3.5 5 6.5 8 3.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </button>
          <span className={styles.backendName} title={`${backend.name} on ${backend.instance}`}>
            <Link
              href={backendHref({ instance: backend.instance, backend: backend.name })}
              prefetch={false}
              data-testid="backend-link"
            >
              {backend.name}
            </Link>
          </span>
          <span className={styles.instance}>{backend.instance}</span>
          {tag ? (
            <span
              className={styles.backendTag}
              data-tone={backend.noUsableServer ? 'none' : 'backup'}
              data-testid="backend-tag"
            >
              {tag}
            </span>
          ) : null}
          <span className={styles.serverCount}>
            {matching === total ? `${total} server${total === 1 ? '' : 's'}` : `${matching} of ${total}`}
          </span>
          <ShareButton label={backend.name} choices={backendShareChoices(backend.instance, backend.name)} />
        </span>
      </div>
      <div
        role="cell"
        className={styles.cell}
        style={{ gridColumn: `${2 + nameSpan} / span ${summarySpan}`, gridRow: 1 }}
        title="usable servers: active up/total, backup up/total"
      >
        <UpCount label="active" up={backend.activeUp} total={backend.activeTotal} />
        <span className={styles.sep} aria-hidden="true">
          ·
        </span>
        <UpCount label="backup" up={backend.backupUp} total={backend.backupTotal} />
      </div>
      {rest.map((column, i) => (
        <div
          role="cell"
          key={column.id}
          className={styles.cell}
          data-align={column.align}
          style={{ gridColumn: 2 + nameSpan + summarySpan + i, gridRow: 1 }}
        >
          {column.id === 'queue' ? (
            formatRatio(backend.queue.current, backend.queue.max)
          ) : column.id === 'sessions' ? (
            formatRatio(backend.sessions.current, backend.sessions.max, backend.sessions.limit)
          ) : column.id === 'rate' ? (
            formatRatio(backend.sessionRate.current, backend.sessionRate.max)
          ) : column.id === 'uptime' ? (
            <BackendUptime24h instance={backend.instance} backend={backend.name} />
          ) : null}
        </div>
      ))}
    </div>
  );
});
