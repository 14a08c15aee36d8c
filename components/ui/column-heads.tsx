/** A column's header: its label, or its label and the class that aligns it (numbers to the right, say). */
export type ColumnHead = string | { label: string; className?: string };

/** A static table's header row: one `<th scope="col">` per column, in order. */
export function ColumnHeads({ columns }: { columns: readonly ColumnHead[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) =>
          typeof column === 'string' ? (
            <th key={column} scope="col">
              {column}
            </th>
          ) : (
            <th key={column.label} scope="col" className={column.className}>
              {column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
