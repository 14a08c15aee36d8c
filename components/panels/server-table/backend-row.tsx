import Link from 'next/link';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { backendHref } from '@/lib/api/urls';
import type { Backend } from '@/lib/health/types';
import { ShareButton } from '../share/share-button';
import { backendShareChoices } from '../share/share-choices';
import {
  backendProblem,
  backendSpans,
  PROBLEM_TAG,
  serverCountText,
  type BackendProblem,
} from './backend-row-view';
import type { ColumnContext } from './column-readings';
import type { Column } from './columns';
import { FigureCell } from './figure-cell';
import type { BackendRow } from './rows';
import styles from './server-table.module.css';
import { BackendStatusBadge } from './status-badge';

export interface BackendRowViewProps {
  row: BackendRow;
  /** The backend at the row's place in the current snapshot. */
  backend: Backend;
  columns: readonly Column[];
  style: CSSProperties;
  rowIndex: number;
  ctx: ColumnContext;
  onToggle?: (key: string) => void;
}

/** The group header of a backend: its state, usable active/backup counts, and its own traffic figures. */
export const BackendRowView = memo(function BackendRowView({
  row,
  backend,
  columns,
  style,
  rowIndex,
  ctx,
  onToggle,
}: BackendRowViewProps) {
  const { nameSpan, afterName, summarySpan, rest } = backendSpans(columns);
  const problem = backendProblem(backend);
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      data-row-index={rowIndex}
      tabIndex={-1}
      className={styles.backendRow}
      data-critical={problem ?? undefined}
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
        <BackendLabel row={row} backend={backend} problem={problem} onToggle={onToggle}>
          {summarySpan === 0 ? <UsableCounts backend={backend} /> : null}
        </BackendLabel>
      </div>
      {summarySpan > 0 ? (
        <div
          role="cell"
          className={styles.cell}
          style={{ gridColumn: `${2 + nameSpan} / span ${summarySpan}`, gridRow: 1 }}
        >
          <UsableCounts backend={backend} />
        </div>
      ) : null}
      {rest.map((column, i) => {
        const style = { gridColumn: 2 + nameSpan + summarySpan + i, gridRow: 1 };
        const reading = column.backend;
        return reading ? (
          <FigureCell
            key={column.id}
            column={column}
            text={reading.text(backend, ctx, backend)}
            look={reading.look?.(backend, ctx) ?? null}
            style={style}
          />
        ) : (
          <div key={column.id} role="cell" className={styles.cell} data-col={column.id} style={style} />
        );
      })}
    </div>
  );
});

/** Usable servers: active up/total · backup up/total. */
function UsableCounts({ backend }: { backend: Backend }) {
  return (
    <span className={styles.counts} title="usable servers: active up/total, backup up/total">
      <UpCount label="active" up={backend.activeUp} total={backend.activeTotal} />
      <span className={styles.sep} aria-hidden="true">
        ·
      </span>
      <UpCount label="backup" up={backend.backupUp} total={backend.backupTotal} />
    </span>
  );
}

/** The sticky label: collapse toggle, name (a link to the backend), instance, problem tag, count, share. */
function BackendLabel({
  row,
  backend,
  problem,
  onToggle,
  children,
}: {
  row: BackendRow;
  backend: Backend;
  problem: BackendProblem | null;
  onToggle?: (key: string) => void;
  children?: ReactNode;
}) {
  const { collapsed, matching } = row;
  return (
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
      {problem ? (
        <span className={styles.backendTag} data-tone={problem} data-testid="backend-tag">
          {PROBLEM_TAG[problem]}
        </span>
      ) : null}
      <span className={styles.serverCount}>{serverCountText(matching, row.total)}</span>
      {children}
      <ShareButton label={backend.name} choices={backendShareChoices(backend.instance, backend.name)} />
    </span>
  );
}

function UpCount({ label, up, total }: { label: string; up: number; total: number }) {
  const none = total > 0 && up === 0;
  return (
    <span className={none ? styles.countNone : styles.count}>
      {label} <span className="num">{`${up}/${total}`}</span>
    </span>
  );
}
