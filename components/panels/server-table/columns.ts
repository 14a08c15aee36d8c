/**
 * Every column the server table can show, in the order it shows them: who the server is and its check, then
 * HAProxy's traffic columns grouped as its stats page groups them, then its state. One table: ids (as they
 * appear in `cols=` and `sort=`), widths, sort, tooltips naming HAProxy's CSV fields, and how each column
 * reads a server and, where HAProxy has the figure, a backend.
 */
import type { ColumnDef } from './column-def';
import { IDENTITY_COLUMNS, STATE_COLUMNS } from './state-columns';
import { TRAFFIC_COLUMNS } from './traffic-columns';

export { COLUMN_GROUPS, type ColumnDef, type ColumnGroup } from './column-def';

export const COLUMNS = [...IDENTITY_COLUMNS, ...TRAFFIC_COLUMNS, ...STATE_COLUMNS];

export type Column = (typeof COLUMNS)[number];
export type ColumnId = Column['id'];

const BY_ID: ReadonlyMap<string, Column> = new Map(COLUMNS.map((c) => [c.id, c]));

export function columnById(id: string): Column | undefined {
  return BY_ID.get(id);
}

export function isColumnId(id: string | null | undefined): id is ColumnId {
  return id != null && BY_ID.has(id);
}

export function gridTemplate(columns: readonly ColumnDef[]): string {
  return columns.map((c) => c.width).join(' ');
}

export function minTableWidth(columns: readonly ColumnDef[]): number {
  return columns.reduce((sum, c) => sum + c.minWidth, 0);
}
