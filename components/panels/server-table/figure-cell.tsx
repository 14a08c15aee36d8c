import { memo, type CSSProperties } from 'react';
import { FlaggedValue } from '../../ui/flagged-value';
import type { CellLook } from './column-readings';
import type { Column } from './columns';
import styles from './server-table.module.css';

export interface FigureCellProps {
  column: Column;
  text: string;
  look: CellLook | null;
  style?: CSSProperties;
  testId?: string;
}

/**
 * A cell of figures: plain, stepped back (muted), or highlighted with the reason it is abnormal. Drawn again only
 * when what it shows changed: a poll changes a few figures of a row, and its other cells stay as they are.
 */
export const FigureCell = memo(function FigureCell({ column, text, look, style, testId }: FigureCellProps) {
  return (
    <div
      role="cell"
      className={styles.cell}
      data-align={column.align}
      data-col={column.id}
      data-muted={look?.tone === 'muted' ? 'true' : undefined}
      data-abnormal={look?.tone === 'abnormal' ? 'true' : undefined}
      style={style}
      data-testid={testId}
    >
      {look?.tone === 'abnormal' ? <FlaggedValue text={text} reason={look.reason} /> : text}
    </div>
  );
}, sameCell);

/** Looks and styles are new objects each render (computed per row): compared by what they say. */
function sameCell(a: FigureCellProps, b: FigureCellProps): boolean {
  return (
    a.column === b.column &&
    a.text === b.text &&
    a.testId === b.testId &&
    lookKey(a.look) === lookKey(b.look) &&
    sameStyle(a.style, b.style)
  );
}

const lookKey = (look: CellLook | null) =>
  look === null ? '' : look.tone === 'abnormal' ? `abnormal:${look.reason}` : look.tone;

function sameStyle(a: CSSProperties | undefined, b: CSSProperties | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof CSSProperties)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
