import type { CSSProperties } from 'react';
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

/** A cell of figures: plain, stepped back (muted), or highlighted with the reason it is abnormal. */
export function FigureCell({ column, text, look, style, testId }: FigureCellProps) {
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
}
