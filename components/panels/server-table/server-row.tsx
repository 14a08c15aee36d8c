import Link from 'next/link';
import { memo, type CSSProperties, type ReactNode } from 'react';
import { poolHref } from '@/lib/api/urls';
import type { Backend, Server } from '@/lib/health/types';
import { viewsText, type ServerAgreement } from '@/lib/health/view-agreement';
import { checkView } from './check-view';
import type { SpecialCell } from './column-def';
import type { ColumnContext } from './column-readings';
import type { Column } from './columns';
import type { ServerRow } from './rows';
import { FigureCell } from './figure-cell';
import styles from './server-table.module.css';
import { ServerStatusBadge } from './status-badge';

function specialCell(cell: SpecialCell, server: Server, disagreement: ServerAgreement | null): ReactNode {
  switch (cell) {
    case 'status':
      return <ServerStatusBadge server={server} />;
    case 'name':
      return (
        <>
          <span className={styles.serverName}>{server.name}</span>
          {disagreement ? (
            <span
              className={styles.lbDisagree}
              title={`Load balancers disagree: ${viewsText(disagreement.views)}`}
              data-testid="server-lb-disagree"
              role="img"
              aria-label="load balancers disagree"
            >
              LBs ≠
            </span>
          ) : null}
        </>
      );
    case 'role':
      return server.backup ? (
        <span className={styles.backupTag}>backup</span>
      ) : (
        <span className={styles.muted}>active</span>
      );
    case 'address':
      return <span className={styles.mono}>{server.address ?? '–'}</span>;
    case 'node':
      return <Optional testId="server-node" value={server.node} />;
    case 'pool':
      return server.pool ? (
        <Link
          href={poolHref(server.pool)}
          prefetch={false}
          className={styles.poolLink}
          data-testid="server-pool"
        >
          {server.pool}
        </Link>
      ) : (
        <Optional testId="server-pool" value={null} />
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
  }
}

function Optional({ value, testId }: { value: string | null; testId: string }) {
  return value ? (
    <span data-testid={testId}>{value}</span>
  ) : (
    <span className={styles.muted} data-testid={testId}>
      –
    </span>
  );
}

function cellTitle(cell: SpecialCell, server: Server): string | undefined {
  if (cell === 'name') return `${server.name} · weight ${server.weight}`;
  if (cell === 'address' || cell === 'node' || cell === 'pool') {
    return { address: server.address, node: server.node, pool: server.pool }[cell] ?? undefined;
  }
  return undefined;
}

/**
 * A cell that reads the server itself (status, name, role, address, node, pool, check): drawn again only when the
 * server's object changed (an unchanged server keeps its object from poll to poll), not with every figure.
 */
const SpecialCellView = memo(function SpecialCellView({
  column,
  cell,
  server,
  disagreement,
}: {
  column: Column;
  cell: SpecialCell;
  server: Server;
  disagreement: ServerAgreement | null;
}) {
  return (
    <div
      role="cell"
      className={styles.cell}
      data-align={column.align}
      data-col={column.id}
      title={cellTitle(cell, server)}
    >
      {specialCell(cell, server, disagreement)}
    </div>
  );
});

export interface ServerRowViewProps {
  row: ServerRow;
  /** The backend and server at the row's places in the current snapshot. */
  backend: Backend;
  server: Server;
  columns: readonly Column[];
  style: CSSProperties;
  rowIndex: number;
  ctx: ColumnContext;
}

/** One server: one cell per column, in the column order the header uses. */
export const ServerRowView = memo(function ServerRowView({
  backend,
  server,
  columns,
  style,
  rowIndex,
  ctx,
}: ServerRowViewProps) {
  const disagreement = ctx.disagreementOf?.(backend.instance, backend.name, server.name) ?? null;
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
      {columns.map((column) =>
        column.cell ? (
          <SpecialCellView
            key={column.id}
            column={column}
            cell={column.cell}
            server={server}
            disagreement={disagreement}
          />
        ) : (
          <FigureCell
            key={column.id}
            column={column}
            text={column.server.text(server, ctx, backend)}
            look={column.server.look?.(server, ctx) ?? null}
            testId={`cell-${server.name}-${column.testKey}`}
          />
        ),
      )}
    </div>
  );
});
