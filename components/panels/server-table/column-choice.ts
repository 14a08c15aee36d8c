/**
 * Which columns the server table shows. The choice lives in the URL as `cols=` (ids in table order): absent
 * means the defaults, unknown ids are ignored, a list without any known id means the defaults too. The sticky
 * status and name columns are always shown and never written.
 */
import { COLUMN_GROUPS, COLUMNS, isColumnId, type Column, type ColumnGroup, type ColumnId } from './columns';

/** null: the defaults. */
export type ColumnChoice = readonly ColumnId[] | null;

/** Today's columns, plus when the server last had a session, its 5xx rate and its response time. */
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'status',
  'name',
  'role',
  'address',
  'node',
  'pool',
  'check',
  'latency',
  'queue',
  'rate',
  'sessions',
  'last-session',
  'http-5xx-rate',
  'time-response',
  'last-change',
  'downtime',
  'checks',
  'uptime',
];

/** Node and pool are in the defaults once any server has them (they need Kubernetes). */
const KUBERNETES_COLUMNS: readonly ColumnId[] = ['node', 'pool'];

export function defaultColumnIds(kubernetes: boolean): ColumnId[] {
  return DEFAULT_COLUMNS.filter((id) => kubernetes || !KUBERNETES_COLUMNS.includes(id));
}

/** What a backend's label needs (toggle, name, instance, problem tag, count, share) over the columns it covers. */
const BACKEND_LABEL_PX = 330;
const UNDER_THE_LABEL: readonly ColumnId[] = ['name', 'role', 'address'];

/**
 * The columns to draw, in table order, the fixed ones included whatever the choice. Without role and address
 * the name column widens, so that a backend's label still has room.
 */
export function visibleColumns(choice: ColumnChoice, kubernetes: boolean): Column[] {
  const shown = new Set<string>(choice ?? defaultColumnIds(kubernetes));
  const columns = COLUMNS.filter((c) => c.fixed || shown.has(c.id));
  const room = columns.filter((c) => UNDER_THE_LABEL.includes(c.id)).reduce((sum, c) => sum + c.minWidth, 0);
  if (room >= BACKEND_LABEL_PX) return columns;
  return columns.map((c) => {
    if (c.id !== 'name') return c;
    const minWidth = c.minWidth + BACKEND_LABEL_PX - room;
    return { ...c, minWidth, width: `minmax(${minWidth}px, 1.6fr)` };
  });
}

export function parseColumnChoice(param: string | null): ColumnChoice {
  if (param === null) return null;
  const ids = param.split(',').filter(isColumnId);
  if (ids.length === 0 && param.trim() !== '') return null;
  return inTableOrder(ids);
}

/** The `cols=` value, or null to leave it out (the defaults). */
export function columnChoiceParam(choice: ColumnChoice): string | null {
  if (choice === null) return null;
  return inTableOrder(choice)
    .filter((id) => !FIXED.has(id))
    .join(',');
}

/**
 * The choice after turning `ids` on or off, starting from what is shown now; null (the defaults, no `cols=`)
 * when that is what the defaults show anyway.
 */
export function withColumns(
  choice: ColumnChoice,
  ids: readonly ColumnId[],
  on: boolean,
  kubernetes: boolean,
): ColumnChoice {
  const shown = new Set<ColumnId>(visibleColumns(choice, kubernetes).map((c) => c.id));
  for (const id of ids)
    if (on) shown.add(id);
    else if (!FIXED.has(id)) shown.delete(id);
  const next = inTableOrder([...shown]);
  return sameColumns(next, inTableOrder(visibleColumns(null, kubernetes).map((c) => c.id))) ? null : next;
}

export type GroupState = 'all' | 'some' | 'none';

/** A group's checkbox: checked, mixed or clear, over its columns that can be turned off. */
export function groupState(group: ColumnGroup, shown: ReadonlySet<string>): GroupState {
  const ids = optionalIdsOf(group);
  const on = ids.filter((id) => shown.has(id)).length;
  return on === 0 ? 'none' : on === ids.length ? 'all' : 'some';
}

export function optionalIdsOf(group: ColumnGroup): ColumnId[] {
  return COLUMNS.filter((c) => c.group === group && !c.fixed).map((c) => c.id);
}

/** The chooser's sections: each group with its columns in table order. */
export function chooserGroups(): { id: ColumnGroup; label: string; columns: Column[] }[] {
  return COLUMN_GROUPS.map((g) => ({ ...g, columns: COLUMNS.filter((c) => c.group === g.id) }));
}

const FIXED: ReadonlySet<string> = new Set(COLUMNS.filter((c) => c.fixed).map((c) => c.id));
const ORDER: ReadonlyMap<string, number> = new Map(COLUMNS.map((c, i) => [c.id, i]));

function inTableOrder(ids: readonly ColumnId[]): ColumnId[] {
  return [...new Set(ids)].sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
