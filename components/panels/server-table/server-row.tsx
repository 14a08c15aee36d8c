import Link from 'next/link';
import { memo, type CSSProperties } from 'react';
import { poolHref } from '@/lib/api/urls';
import type { Server } from '@/lib/health/types';
import { formatDuration, formatMs, formatRatio } from '../../ui/format';
import { ServerUptime24h } from '../history/overview-uptime';
import { checkView } from './check-view';
import type { ColumnDef, ColumnId } from './columns';
import type { ServerRow } from './rows';
import styles from './server-table.module.css';
import { ServerStatusBadge } from './status-badge';

function Cell({ column, className, title, children }: CellProps) {
  return (
    <div
      role="cell"
      className={[styles.cell, className ?? ''].join(' ')}
      data-align={column.align}
      title={title}
    >
      {children}
    </div>
  );
}

interface CellProps {
  column: ColumnDef;
  className?: string;
  title?: string;
  children: React.ReactNode;
}

function serverCell(column: ColumnDef, server: Server): React.ReactNode {
  const id: ColumnId = column.id;
  switch (id) {
    case 'status':
      return <ServerStatusBadge server={server} />;
    case 'server':
      return <span className={styles.serverName}>{server.name}</span>;
    case 'role':
      return server.backup ? (
        <span className={styles.backupTag}>backup</span>
      ) : (
        <span className={styles.muted}>active</span>
      );
    case 'address':
      return <span className={styles.mono}>{server.address ?? '–'}</span>;
    case 'node':
      return server.node ? (
        <span data-testid="server-node">{server.node}</span>
      ) : (
        <span className={styles.muted} data-testid="server-node">
          –
        </span>
      );
    case 'pool':
      return server.pool ? (
        <Link href={poolHref(server.pool)} className={styles.poolLink} data-testid="server-pool">
          {server.pool}
        </Link>
      ) : (
        <span className={styles.muted} data-testid="server-pool">
          –
        </span>
      );
    case 'check': {
      const check = checkView(server.check);
      return (
        <span className={check.failing ? styles.checkFailing : styles.check} title={check.tooltip}>
          {check.text}
          {server.check.inProgress ? (
            <span className={styles.inProgress} aria-label="check in progress" />
          ) : null}
        </span>
      );
    }
    case 'latency':
      return formatMs(server.check.durationMs);
    case 'queue':
      return formatRatio(server.queue.current, server.queue.max);
    case 'sessions':
      return formatRatio(server.sessions.current, server.sessions.max, server.sessions.limit);
    case 'rate':
      return formatRatio(server.sessionRate.current, server.sessionRate.max);
    case 'last-change':
      return formatDuration(server.lastChangeSec);
    case 'downtime':
      return server.downtimeSec ? (
        formatDuration(server.downtimeSec)
      ) : (
        <span className={styles.muted}>0s</span>
      );
    case 'checks':
      return formatRatio(server.checkFailures, server.checkDowns);
    case 'uptime':
      return null; // needs the backend: ServerRowView renders it
  }
}

function cellTitle(column: ColumnDef, server: Server): string | undefined {
  if (column.id === 'server') return `${server.name} · weight ${server.weight}`;
  if (column.id === 'address' || column.id === 'node' || column.id === 'pool') {
    return { address: server.address, node: server.node, pool: server.pool }[column.id] ?? undefined;
  }
  return undefined;
}

export interface ServerRowViewProps {
  row: ServerRow;
  columns: readonly ColumnDef[];
  style: CSSProperties;
  rowIndex: number;
}

/** One server: one cell per column, in the column order the header uses. */
export const ServerRowView = memo(function ServerRowView({
  row,
  columns,
  style,
  rowIndex,
}: ServerRowViewProps) {
  const { backend, server } = row;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      data-row-index={rowIndex}
      tabIndex={-1}
      className={styles.serverRow}
      style={style}
      data-testid={`server-row-${backend.instance}-${backend.name}-${server.name}`}
    >
      {columns.map((column) => (
        <Cell key={column.id} column={column} title={cellTitle(column, server)}>
          {column.id === 'uptime' ? (
            <ServerUptime24h instance={backend.instance} backend={backend.name} server={server.name} />
          ) : (
            serverCell(column, server)
          )}
        </Cell>
      ))}
    </div>
  );
});
