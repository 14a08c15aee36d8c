/** The server table's columns: fixed widths (no reflow when values change), order, sort keys, tooltips. */
import type { SortColumn } from './sort';

export type ColumnId =
  | 'status'
  | 'server'
  | 'role'
  | 'address'
  | 'node'
  | 'pool'
  | 'check'
  | 'latency'
  | 'queue'
  | 'sessions'
  | 'rate'
  | 'last-change'
  | 'downtime'
  | 'uptime'
  | 'checks';

export interface ColumnDef {
  id: ColumnId;
  label: string;
  /** A grid track: fixed px, or minmax() for the columns that take the spare width. */
  width: string;
  minWidth: number;
  align: 'start' | 'end';
  sort?: SortColumn;
  title: string;
}

const col = (
  id: ColumnId,
  label: string,
  minWidth: number,
  title: string,
  extra: Partial<ColumnDef> = {},
): ColumnDef => ({ id, label, width: `${minWidth}px`, minWidth, align: 'start', title, ...extra });

export const COLUMNS: readonly ColumnDef[] = [
  col('status', 'Status', 140, 'Server state; HAProxy’s own text in the tooltip', { sort: 'status' }),
  col('server', 'Server', 170, 'Server name (backend name on group rows)', {
    width: 'minmax(170px, 1.6fr)',
    sort: 'name',
  }),
  col('role', 'Role', 76, 'Active or backup server'),
  col('address', 'Address', 140, 'Server address', { width: 'minmax(140px, 1fr)' }),
  col('node', 'Node', 130, 'Kubernetes node'),
  col('pool', 'Pool', 110, 'Location pool of the node'),
  col('check', 'Check', 140, 'Last health check: status and code; description in the tooltip'),
  col('latency', 'Latency', 92, 'Duration of the last health check', { align: 'end', sort: 'latency' }),
  col('queue', 'Queue', 82, 'Queued requests: current / max', { align: 'end', sort: 'queue' }),
  col('sessions', 'Sessions', 132, 'Sessions: current / max / limit', { align: 'end', sort: 'sessions' }),
  col('rate', 'Rate', 88, 'New sessions per second: current / max', { align: 'end', sort: 'rate' }),
  col('last-change', 'Changed', 98, 'Time since the last UP/DOWN change', {
    align: 'end',
    sort: 'last-change',
  }),
  col('downtime', 'Downtime', 102, 'Total time DOWN since HAProxy started', {
    align: 'end',
    sort: 'downtime',
  }),
  col('uptime', '24h', 74, 'Uptime over the last 24 hours, from the history (planned time left out)', {
    align: 'end',
  }),
  col('checks', 'Fail / Down', 90, 'Failed checks / UP→DOWN transitions (since start)', { align: 'end' }),
];

/** Node and pool columns appear once any server has them (they need Kubernetes). */
export function visibleColumns(show: { node: boolean; pool: boolean }): ColumnDef[] {
  return COLUMNS.filter((c) => (c.id !== 'node' || show.node) && (c.id !== 'pool' || show.pool));
}

export function gridTemplate(columns: readonly ColumnDef[]): string {
  return columns.map((c) => c.width).join(' ');
}

export function minTableWidth(columns: readonly ColumnDef[]): number {
  return columns.reduce((sum, c) => sum + c.minWidth, 0);
}
