/**
 * Many rows in one statement on PostgreSQL: each column sent as one array parameter and read back with UNNEST
 * (a multi-row VALUES list would need a parameter per value, and PostgreSQL takes at most 65,535).
 */
import type { PgDb } from './postgres-connection';

export interface Column<T> {
  name: string;
  /** The column's PostgreSQL type (the array parameter is cast to its array). */
  type: string;
  value: (item: T) => unknown;
}

/** `unnest($1::int[], …) WITH ORDINALITY AS u(name, …, ord)` and its parameters, from $`first` on. */
export function unnestOf<T>(
  columns: readonly Column<T>[],
  items: readonly T[],
  first = 1,
): { from: string; values: unknown[] } {
  const params = columns.map((c, i) => `$${first + i}::${c.type}[]`).join(', ');
  const names = columns.map((c) => c.name).join(', ');
  return {
    from: `unnest(${params}) WITH ORDINALITY AS u(${names}, ord)`,
    values: columns.map((c) => (c.type === 'text' ? items.map(c.value) : literal(items, c.value))),
  };
}

/**
 * Numbers and booleans as PostgreSQL's array literal, written directly: node-postgres would quote and escape each
 * element, which costs more than the INSERT for a poll of 20,000 servers.
 */
function literal<T>(items: readonly T[], value: (item: T) => unknown): string {
  let text = '{';
  for (let i = 0; i < items.length; i++) {
    const v = value(items[i]!);
    text += (i ? ',' : '') + (v === null || v === undefined ? 'NULL' : String(v));
  }
  return `${text}}`;
}

/**
 * INSERT of every item, in their order (`ordered`: identities are given in it) or as PostgreSQL likes; `tail`
 * follows (ON CONFLICT …, RETURNING …).
 */
export async function insertMany<T, R = unknown>(
  db: PgDb,
  table: string,
  columns: readonly Column<T>[],
  items: readonly T[],
  tail = '',
  ordered = true,
): Promise<R[]> {
  if (items.length === 0) return [];
  const { from, values } = unnestOf(columns, items);
  const names = columns.map((c) => c.name).join(', ');
  const { rows } = await db.query(
    `INSERT INTO ${table} (${names}) SELECT ${names} FROM ${from} ${ordered ? 'ORDER BY ord' : ''} ${tail}`,
    values,
  );
  return rows as R[];
}

/** UPDATE of the rows whose `key` column matches an item's, each set to the item's other columns. */
export async function updateMany<T>(
  db: PgDb,
  table: string,
  key: Column<T>,
  columns: readonly Column<T>[],
  items: readonly T[],
): Promise<void> {
  if (items.length === 0) return;
  const { from, values } = unnestOf([key, ...columns], items);
  const set = columns.map((c) => `${c.name} = u.${c.name}`).join(', ');
  await db.query(`UPDATE ${table} t SET ${set} FROM ${from} WHERE t.${key.name} = u.${key.name}`, values);
}
