import type { ReactNode } from 'react';
import styles from './sort-header.module.css';

export type SortDirection = 'asc' | 'desc';

export interface SortHeaderProps {
  label: ReactNode;
  /** Explains the column; shown as a tooltip. */
  title?: string;
  align?: 'start' | 'end';
  /** The column is sortable when onSort is given. */
  onSort?: () => void;
  /** This column's direction when it is the sorted one. */
  active?: SortDirection | null;
  testId?: string;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** A column header; when sortable, a full-size button inside a columnheader that carries aria-sort. */
export function SortHeader({
  label,
  title,
  align = 'start',
  onSort,
  active = null,
  testId,
}: SortHeaderProps) {
  return (
    <div
      role="columnheader"
      className={styles.header}
      data-align={align}
      aria-sort={onSort ? (active ? ARIA_SORT[active] : 'none') : undefined}
      data-testid={testId}
      title={title}
    >
      {onSort ? (
        <button type="button" className={styles.button} onClick={onSort}>
          <span className={styles.label}>{label}</span>
          <svg className={styles.arrow} data-dir={active ?? 'none'} viewBox="0 0 8 10" aria-hidden="true">
            <path className={styles.up} d="M4 0.5 7.5 4h-7z" />
            <path className={styles.down} d="M4 9.5 0.5 6h7z" />
          </svg>
        </button>
      ) : (
        <span className={styles.label}>{label}</span>
      )}
    </div>
  );
}
