'use client';

import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { SortHeader } from '../../ui/sort-header';
import { VirtualTable } from '../../ui/virtual-table';
import { BackendRowView } from './backend-row';
import type { ColumnContext } from './column-readings';
import { gridTemplate, minTableWidth, type Column } from './columns';
import type { RowWindow, WindowRow } from '../live-overview/overview-view';
import type { VirtualRange } from '../../ui/virtual-range';
import { ServerRowView } from './server-row';
import styles from './server-table.module.css';
import type { SortColumn, SortDir } from './sort';
import { useRowCursor } from './use-row-cursor';

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 34;
const OVERSCAN = 4;

export interface ServerTableProps {
  /** The rows the query gives: how many, and those in (and near) the window, as of the latest poll. */
  rows: RowWindow;
  /** Told which rows are rendered, so that the window follows the scroll. */
  onRows: (range: VirtualRange) => void;
  columns: readonly Column[];
  /** What cells read besides their row: thresholds, uptime. */
  ctx: ColumnContext;
  sort: SortColumn | null;
  dir: SortDir;
  /** Sortable headers only when given. */
  onSort?: (column: SortColumn) => void;
  /** Collapsible backend groups only when given; receives the backend's row key. */
  onToggleBackend?: (key: string) => void;
  empty?: ReactNode;
  label?: string;
  className?: string;
}

/** Backends and their servers in one virtualized grid; data and view state come only through props. */
export function ServerTable({
  rows,
  onRows,
  columns,
  ctx,
  sort,
  dir,
  onSort,
  onToggleBackend,
  empty,
  label = 'Backends and servers',
  className,
}: ServerTableProps) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rowAt = useCallback((index: number) => rows.rows[index - rows.start], [rows]);
  const onActivate = useCallback(
    (index: number, key: string) => {
      const row = rowAt(index)?.row;
      if (row?.kind !== 'backend' || !onToggleBackend) return false;
      const wantsToggle =
        key === 'Enter' ||
        key === ' ' ||
        (key === 'ArrowLeft' && !row.collapsed) ||
        (key === 'ArrowRight' && row.collapsed);
      if (wantsToggle) onToggleBackend(row.key);
      return wantsToggle;
    },
    [rowAt, onToggleBackend],
  );
  const onCursorKey = useRowCursor(scrollRef, rows.count, ROW_HEIGHT, HEADER_HEIGHT, onActivate);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).tagName === 'BUTTON' && (event.key === 'Enter' || event.key === ' '))
      return;
    onCursorKey(event);
  };

  return (
    <VirtualTable<WindowRow>
      rowCount={rows.count}
      rowAt={rowAt}
      onRows={onRows}
      rowHeight={ROW_HEIGHT}
      // Rows beyond the edges are rendered (and rendered again each poll) for nothing until scrolled to; the worker
      // keeps a screen's worth on either side at hand, so a scroll finds them without waiting.
      overscan={OVERSCAN}
      label={label}
      minWidth={minTableWidth(columns)}
      className={[styles.table, className ?? ''].join(' ')}
      style={
        {
          '--grid-columns': gridTemplate(columns),
          '--sticky-offset': `${columns[0]?.minWidth ?? 0}px`,
        } as React.CSSProperties
      }
      scrollRef={scrollRef}
      onKeyDown={onKeyDown}
      empty={empty}
      data-testid="server-table"
      header={columns.map((column) => (
        <SortHeader
          key={column.id}
          label={column.label}
          title={column.title}
          align={column.align}
          onSort={onSort ? () => onSort(column.id) : undefined}
          active={column.id === sort ? dir : null}
          testId={`sort-${column.id}`}
        />
      ))}
      renderRow={({ row, backend, server }, index, style) =>
        row.kind === 'backend' ? (
          <BackendRowView
            key={row.key}
            row={row}
            backend={backend}
            columns={columns}
            style={style}
            rowIndex={index}
            ctx={ctx}
            onToggle={onToggleBackend}
          />
        ) : server ? (
          <ServerRowView
            key={row.key}
            row={row}
            backend={backend}
            server={server}
            columns={columns}
            style={style}
            rowIndex={index}
            ctx={ctx}
          />
        ) : null
      }
    />
  );
}
