/** The shape of a server table column and the chooser's groups; the columns themselves are in columns.ts. */
import type { Backend, Server } from '@/lib/health/types';
import type { ProxyRow, Reading } from './column-readings';

/** The chooser's groups, in its order: the stats page's, then what hapscope adds. */
export const COLUMN_GROUPS = [
  { id: 'queue', label: 'Queue' },
  { id: 'session-rate', label: 'Session rate' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'bytes', label: 'Bytes' },
  { id: 'denied', label: 'Denied' },
  { id: 'errors', label: 'Errors' },
  { id: 'warnings', label: 'Warnings' },
  { id: 'server', label: 'Server' },
  { id: 'http', label: 'HTTP responses' },
  { id: 'times', label: 'Times (average of the last 1024)' },
  { id: 'hapscope', label: 'hapscope' },
] as const;
export type ColumnGroup = (typeof COLUMN_GROUPS)[number]['id'];

/** Cells that are more than text; the row components draw them. */
export type SpecialCell = 'status' | 'name' | 'role' | 'address' | 'node' | 'pool' | 'check';

export interface ColumnDef {
  id: string;
  group: ColumnGroup;
  /** The header: short, and distinct from every other column's. */
  label: string;
  /** The name in the chooser, under its group's heading. */
  choice: string;
  /** The tooltip: what the figure is, HAProxy's CSV field in brackets. */
  title: string;
  /** A grid track: fixed px, or minmax() for the columns that take the spare width. */
  width: string;
  minWidth: number;
  align: 'start' | 'end';
  /** A first click sorts this way: worst, busiest, slowest first; names A→Z; most recent change first. */
  firstDir: 'asc' | 'desc';
  /** Always shown (the sticky status and name). */
  fixed: boolean;
  /** A server cell's test id is `cell-<server>-<testKey>`; the field's name where a spec reads the cell. */
  testKey: string;
  cell: SpecialCell | null;
  server: Reading<Server>;
  /** The backend's own figure on its group row; null where HAProxy has none for a backend. */
  backend: Reading<Backend> | null;
}

interface Spec<I extends string> {
  id: I;
  group: ColumnGroup;
  label: string;
  choice?: string;
  title: string;
  minWidth: number;
  width?: string;
  align?: 'start' | 'end';
  firstDir?: 'asc' | 'desc';
  fixed?: boolean;
  testKey?: string;
  cell?: SpecialCell;
  server: Reading<Server>;
  backend?: Reading<Backend>;
}

/** A column with the usual defaults: a number, right-aligned, biggest first, optional. */
export function col<I extends string>(spec: Spec<I>): ColumnDef & { id: I } {
  return {
    choice: spec.label,
    width: `${spec.minWidth}px`,
    align: 'end',
    firstDir: 'desc',
    fixed: false,
    testKey: spec.id,
    ...spec,
    cell: spec.cell ?? null,
    backend: spec.backend ?? null,
  };
}

/** A figure servers and backends both have. */
export function both(reading: Reading<ProxyRow>): { server: Reading<Server>; backend: Reading<Backend> } {
  return { server: reading, backend: reading };
}

/** Text columns: left-aligned, A→Z first. */
export const TEXT = { align: 'start', firstDir: 'asc' } as const;
