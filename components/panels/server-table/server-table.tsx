'use client';

import { useCallback, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Backend } from '@/lib/health/types';
import { SortHeader } from '../../ui/sort-header';
import { VirtualTable } from '../../ui/virtual-table';
import { BackendRowView } from './backend-row';
import type { ColumnContext } from './column-readings';
import { gridTemplate, minTableWidth, type Column } from './columns';
import { rowObjects, type TableRow } from './rows';
import { ServerRowView } from './server-row';
import styles from './server-table.module.css';
import type { SortColumn, SortDir } from './sort';
import { useRowCursor } from './use-row-cursor';

export const ROW_HEIGHT = 34;
const HEADER_HEIGHT = 34;

export interface ServerTableProps {
  rows: readonly TableRow[];
  /** The current snapshot's backends: each row's backend and server are read at its places in them (rowObjects). */
  backends: readonly Backend[];
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
  backends,
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
  const onActivate = useCallback(
    (index: number, key: string) => {
      const row = rows[index];
      if (row?.kind !== 'backend' || !onToggleBackend) return false;
      const wantsToggle =
        key === 'Enter' ||
        key === ' ' ||
        (key === 'ArrowLeft' && !row.collapsed) ||
        (key === 'ArrowRight' && row.collapsed);
      if (wantsToggle) onToggleBackend(row.key);
      return wantsToggle;
    },
    [rows, onToggleBackend],
  );
  const onCursorKey = useRowCursor(scrollRef, rows.length, ROW_HEIGHT, HEADER_HEIGHT, onActivate);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).tagName === 'BUTTON' && (event.key === 'Enter' || event.key === ' '))
      return;
    onCursorKey(event);
  };

  return (
    <VirtualTable
      rows={rows}
      rowHeight={ROW_HEIGHT}
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
      renderRow={(row, index, style) => {
        if (row.kind === 'backend') {
          const at = rowObjects(row, backends);
          return at ? (
            <BackendRowView
              key={row.key}
              row={row}
              backend={at.backend}
              columns={columns}
              style={style}
              rowIndex={index}
              ctx={ctx}
              onToggle={onToggleBackend}
            />
          ) : null;
        }
        const at = rowObjects(row, backends);
        return at ? (
          <ServerRowView
            key={row.key}
            row={row}
            backend={at.backend}
            server={at.server}
            columns={columns}
            style={style}
            rowIndex={index}
            ctx={ctx}
          />
        ) : null;
      }}
    />
  );
}
