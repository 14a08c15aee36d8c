'use client';

import { memo, useEffect, useId, useRef, type ReactNode } from 'react';
import { Badge } from '../../ui/badge';
import { FlaggedValue } from '../../ui/flagged-value';
import { formatNumber } from '../../ui/format';
import { useScrollViewport } from '../../ui/use-scroll-viewport';
import { useStoredFlag } from '../../ui/use-stored-flag';
import { visibleRange, type VirtualRange } from '../../ui/virtual-range';
import styles from './frontends.module.css';
import {
  columnGroups,
  FRONTEND_COLUMNS,
  sameFrontendLine,
  type FrontendLine,
  type FrontendRow,
  type FrontendsSummary,
} from './frontends-view';

const GROUPS = columnGroups(FRONTEND_COLUMNS);
const ALL_COLUMNS = 2 + FRONTEND_COLUMNS.length;

/** The section's counts and the lines in (and near) the table's window: the overview's worker sends them. */
export interface FrontendsShown {
  summary: FrontendsSummary;
  /** Lines in all. */
  count: number;
  /** Index of the first line in `rows`. */
  start: number;
  rows: readonly FrontendLine[];
}

/** A line's height (frontends.module.css: `height` of a cell, its border inside). */
const LINE_HEIGHT = 24;
/** Lines rendered beyond the scroller's edges. */
const OVERSCAN = 4;

/**
 * Every frontend (and its listeners) per instance, one compact line each, in a section that folds (and stays
 * folded); hidden when there is none. The lines come from the overview's worker a window at a time: only those in
 * (and near) the scroller's view are rendered, whatever the number of frontends.
 */
export const FrontendsPanel = memo(function FrontendsPanel({
  frontends,
  onLines,
}: {
  frontends: FrontendsShown | null;
  /** Told which lines the table shows (null: folded, or none to show). */
  onLines: (range: VirtualRange | null) => void;
}) {
  const titleId = useId();
  // Remembered: an operator who folds it away gets the table's room back on every visit.
  const [open, setOpen] = useStoredFlag('hapscope.frontends.open', true);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const viewport = useScrollViewport(scrollRef);
  const count = frontends?.count ?? 0;
  const shown = open && count > 0;
  const { start, end } = visibleRange(viewport.scrollTop, viewport.height, LINE_HEIGHT, count, OVERSCAN);
  useEffect(() => onLines(shown ? { start, end } : null), [onLines, shown, start, end]);
  if (!frontends || count === 0) return null;
  const lines: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const line = frontends.rows[i - frontends.start];
    if (line) lines.push(<Line key={line.key} line={line} />);
  }
  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="frontends">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={styles.details}>
        <summary className={styles.summary}>
          <h2 id={titleId} className={styles.title}>
            Frontends
          </h2>
          <SummaryCounts summary={frontends.summary} />
        </summary>
        <div className={styles.scroll} ref={scrollRef} onScroll={viewport.onScroll}>
          <table className={styles.table} aria-rowcount={count + 2}>
            <thead>
              <tr>
                <th scope="col" rowSpan={2} className={styles.nameHead}>
                  Frontend
                </th>
                <th scope="col" rowSpan={2}>
                  Status
                </th>
                {GROUPS.map((g) => (
                  <th key={g.label} scope="colgroup" colSpan={g.span} className={styles.groupHead}>
                    {g.label}
                  </th>
                ))}
              </tr>
              <tr>
                {FRONTEND_COLUMNS.map((c) => (
                  <th key={c.id} scope="col" title={c.title} className={styles.figureHead}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <Spacer lines={start} />
              {lines}
              <Spacer lines={count - end} />
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
});

/** The room of lines not rendered, above or below those that are. */
function Spacer({ lines }: { lines: number }) {
  return lines > 0 ? (
    <tr aria-hidden="true" className={styles.spacer} style={{ height: lines * LINE_HEIGHT }}>
      <td colSpan={ALL_COLUMNS} />
    </tr>
  ) : null;
}

/** An instance's heading, a frontend or a listener; rendered again only when what it shows changed. */
const Line = memo(
  function Line({ line }: { line: FrontendLine }) {
    if (line.kind !== 'instance') return <Row row={line} instance={line.instance} />;
    return (
      <tr className={styles.instanceRow} data-testid={`frontends-instance-${line.instance}`}>
        <th scope="colgroup" colSpan={ALL_COLUMNS}>
          {line.instance}
          <span className={styles.muted}>
            {' '}
            · {line.frontends} frontend{line.frontends === 1 ? '' : 's'}
          </span>
        </th>
      </tr>
    );
  },
  (a, b) => sameFrontendLine(a.line, b.line),
);

/** One frontend or listener. */
function Row({ row, instance }: { row: FrontendRow; instance: string }) {
  return (
    <tr className={styles[row.kind]} data-testid={`${row.kind}-${row.name}`} data-instance={instance}>
      <th scope="row" className={styles.name}>
        <span className={styles.nameText}>{row.name}</span>
        {row.detail ? <span className={styles.detail}>{row.detail}</span> : null}
      </th>
      <td>
        <Badge size="sm" tone={row.status.tone} shape={row.status.shape} data-testid="frontend-status">
          {row.status.label}
        </Badge>
      </td>
      {row.cells.map((cell, i) => (
        <td
          key={FRONTEND_COLUMNS[i]?.id ?? i}
          className={styles.figure}
          title={cell.title}
          data-testid={`${row.kind}-${FRONTEND_COLUMNS[i]?.id}`}
          data-abnormal={cell.abnormal ? 'true' : undefined}
        >
          {cell.abnormal ? <FlaggedValue text={cell.text} reason={cell.abnormal} /> : cell.text}
        </td>
      ))}
    </tr>
  );
}

function SummaryCounts({ summary }: { summary: FrontendsSummary }) {
  const trouble = [
    summary.full ? `${summary.full} FULL` : null,
    summary.stopped ? `${summary.stopped} STOP` : null,
    summary.abnormal5xx ? `${summary.abnormal5xx} with abnormal 5xx` : null,
  ].filter(Boolean);
  return (
    <span className={styles.counts}>
      <span>{formatNumber(summary.total)}</span>
      {trouble.length ? <span className={styles.trouble}>{trouble.join(' · ')}</span> : null}
    </span>
  );
}
