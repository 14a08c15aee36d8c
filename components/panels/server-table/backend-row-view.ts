/** The backend group row's layout and wording. Pure. */
import type { Backend } from '@/lib/health/types';
import type { ColumnDef, ColumnId } from './columns';

/**
 * Columns the backend name covers, and the ones its active/backup summary covers. The name cell lies under
 * the whole row so that its label can stay in view (sticky) however far the table scrolls sideways.
 */
const NAME_SPAN: ColumnId[] = ['server', 'role', 'address'];
const SUMMARY_SPAN: ColumnId[] = ['node', 'pool', 'check', 'latency'];

export interface BackendSpans {
  /** Columns after the status column that the name covers. */
  nameSpan: number;
  /** Summed minimum width of the columns after the name's: how far its sticky label may travel. */
  afterName: number;
  /** Columns the active/backup summary covers, after the name's. */
  summarySpan: number;
  /** The columns after the summary: each gets the backend's own figure. */
  rest: readonly ColumnDef[];
}

export function backendSpans(columns: readonly ColumnDef[]): BackendSpans {
  const nameSpan = columns.filter((c) => NAME_SPAN.includes(c.id)).length;
  const afterName = columns.slice(1 + nameSpan).reduce((sum, c) => sum + c.minWidth, 0);
  const summarySpan = columns.filter((c) => SUMMARY_SPAN.includes(c.id)).length;
  return { nameSpan, afterName, summarySpan, rest: columns.slice(1 + nameSpan + summarySpan) };
}

/** What is critical about the backend: no usable server ('none'), only backups serving ('backup'), or null. */
export type BackendProblem = 'none' | 'backup';

export function backendProblem(
  backend: Pick<Backend, 'noUsableServer' | 'servingFromBackup'>,
): BackendProblem | null {
  return backend.noUsableServer ? 'none' : backend.servingFromBackup ? 'backup' : null;
}

export const PROBLEM_TAG: Record<BackendProblem, string> = {
  none: 'no usable server',
  backup: 'serving from backup',
};

/** "3 servers", or "1 of 3" while a filter hides some. */
export function serverCountText(matching: number, total: number): string {
  return matching === total ? `${total} server${total === 1 ? '' : 's'}` : `${matching} of ${total}`;
}
