'use client';

import {
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { useScrollViewport } from './use-scroll-viewport';
import styles from './virtual-table.module.css';
import { visibleRange, type VirtualRange } from './virtual-range';

export interface VirtualTableProps<T> {
  rowCount: number;
  /** The row at an index; undefined for one not at hand yet (its place stays empty until it is). */
  rowAt: (index: number) => T | undefined;
  /** Told the rows rendered (with overscan) whenever they change: where the rows come from asynchronously. */
  onRows?: (range: VirtualRange) => void;
  rowHeight: number;
  /** The cells of the header row (columnheader elements). */
  header: ReactNode;
  /** Render one row: a role="row" element with the given style (its position) and aria-rowindex. */
  renderRow: (row: T, index: number, style: CSSProperties) => ReactNode;
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth?: number;
  overscan?: number;
  /** Shown under the header when there are no rows. */
  empty?: ReactNode;
  className?: string;
  style?: CSSProperties;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  /** Receives the scroll container, e.g. to scroll a row into view. */
  scrollRef?: RefObject<HTMLDivElement | null>;
  'data-testid'?: string;
}

/** One style object per row position, reused across renders so memoized rows skip re-rendering on scroll. */
function useRowStyles(rowHeight: number): (index: number) => CSSProperties {
  const [cache] = useState(() => new Map<string, CSSProperties>());
  return (index) => {
    const key = `${rowHeight}:${index}`;
    let style = cache.get(key);
    if (!style) {
      if (cache.size > 5000) cache.clear();
      style = { height: rowHeight, transform: `translateY(${index * rowHeight}px)` };
      cache.set(key, style);
    }
    return style;
  };
}

/**
 * A table that renders only the rows on screen (fixed row height), with a sticky header. The whole table is
 * one scroll container and one Tab stop: arrow keys and Page Up/Down scroll it.
 */
export function VirtualTable<T>({
  rowCount,
  rowAt,
  onRows,
  rowHeight,
  header,
  renderRow,
  label,
  minWidth,
  overscan = 10,
  empty,
  className,
  style,
  onKeyDown,
  scrollRef,
  ...rest
}: VirtualTableProps<T>) {
  const ownRef = useRef<HTMLDivElement | null>(null);
  const ref = scrollRef ?? ownRef;
  const viewport = useScrollViewport(ref);
  const { start, end } = visibleRange(viewport.scrollTop, viewport.height, rowHeight, rowCount, overscan);
  useEffect(() => onRows?.({ start, end }), [onRows, start, end]);
  const rowStyle = useRowStyles(rowHeight);
  const rendered: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const row = rowAt(i);
    if (row !== undefined) rendered.push(renderRow(row, i, rowStyle(i)));
  }
  return (
    <div
      ref={ref}
      role="table"
      aria-label={label}
      aria-rowcount={rowCount + 1}
      tabIndex={0}
      className={[styles.scroll, className ?? ''].join(' ')}
      style={style}
      data-scrolled-sideways={viewport.scrolledSideways ? '' : undefined}
      onScroll={viewport.onScroll}
      onKeyDown={onKeyDown}
      {...rest}
    >
      <div className={styles.inner} style={{ minWidth }}>
        <div role="rowgroup" className={styles.head}>
          <div role="row" aria-rowindex={1} className={styles.headRow}>
            {header}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: rowCount * rowHeight }}>
          {rendered}
        </div>
        {rowCount === 0 && empty ? <div className={styles.empty}>{empty}</div> : null}
      </div>
    </div>
  );
}
