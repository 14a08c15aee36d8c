/** The backend group row's layout and wording. Pure. */
import type { Backend } from '@/lib/health/types';
import type { Column, ColumnId } from './columns';

/** Columns the backend's name covers (those of them shown, right after the name column). */
const NAME_SPAN: readonly ColumnId[] = ['name', 'role', 'address'];

export interface BackendSpans {
  /** Columns after the status column that the name covers. */
  nameSpan: number;
  /** Summed minimum width of the columns after the name's: how far its sticky label may travel. */
  afterName: number;
  /**
   * Columns the active/backup summary covers, after the name's: the rest of the leading columns that have no
   * backend figure. 0: there are none, and the summary goes into the name's label.
   */
  summarySpan: number;
  /** The columns after the summary: each gets the backend's own figure, where it has one. */
  rest: readonly Column[];
}

/**
 * The backend group row's layout over the columns shown. The name cell lies under the whole row so that its
 * label can stay in view (sticky) however far the table scrolls sideways.
 */
export function backendSpans(columns: readonly Column[]): BackendSpans {
  let firstFigure = 1;
  while (firstFigure < columns.length && columns[firstFigure]!.backend === null) firstFigure++;
  let nameEnd = 1;
  while (nameEnd < firstFigure && NAME_SPAN.includes(columns[nameEnd]!.id)) nameEnd++;
  return {
    nameSpan: nameEnd - 1,
    afterName: columns.slice(nameEnd).reduce((sum, c) => sum + c.minWidth, 0),
    summarySpan: firstFigure - nameEnd,
    rest: columns.slice(firstFigure),
  };
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
