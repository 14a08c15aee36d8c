'use client';

import { memo, useId, useMemo } from 'react';
import type { Frontend } from '@/lib/health/types';
import { Badge } from '../../ui/badge';
import { FlaggedValue } from '../../ui/flagged-value';
import { formatNumber } from '../../ui/format';
import { useStoredFlag } from '../../ui/use-stored-flag';
import type { AbnormalThresholds } from '../server-table/abnormal';
import styles from './frontends.module.css';
import {
  columnGroups,
  FRONTEND_COLUMNS,
  sameFrontendRow,
  summarizeFrontends,
  toFrontendRows,
  type FrontendRow,
  type FrontendsSummary,
} from './frontends-view';

const GROUPS = columnGroups(FRONTEND_COLUMNS);
const ALL_COLUMNS = 2 + FRONTEND_COLUMNS.length;

/**
 * Every frontend (and its listeners) per instance, one compact line each, in a section that folds (and stays
 * folded); hidden when there is none.
 */
export function FrontendsPanel({
  frontends,
  thresholds,
}: {
  frontends: readonly Frontend[];
  thresholds: AbnormalThresholds;
}) {
  const titleId = useId();
  // Remembered: an operator who folds it away gets the table's room back on every visit.
  const [open, setOpen] = useStoredFlag('hapscope.frontends.open', true);
  const instances = useMemo(() => toFrontendRows(frontends, thresholds), [frontends, thresholds]);
  const summary = useMemo(() => summarizeFrontends(frontends, thresholds), [frontends, thresholds]);
  if (frontends.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={titleId} data-testid="frontends">
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)} className={styles.details}>
        <summary className={styles.summary}>
          <h2 id={titleId} className={styles.title}>
            Frontends
          </h2>
          <SummaryCounts summary={summary} />
        </summary>
        <div className={styles.scroll}>
          <table className={styles.table}>
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
            {instances.map((group) => (
              <tbody key={group.instance}>
                {instances.length > 1 ? (
                  <tr className={styles.instanceRow} data-testid={`frontends-instance-${group.instance}`}>
                    <th scope="colgroup" colSpan={ALL_COLUMNS}>
                      {group.instance}
                      <span className={styles.muted}>
                        {' '}
                        · {group.frontends} frontend{group.frontends === 1 ? '' : 's'}
                      </span>
                    </th>
                  </tr>
                ) : null}
                {group.rows.map((row) => (
                  <Row key={row.key} row={row} instance={group.instance} />
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </details>
    </section>
  );
}

/** One frontend or listener; rendered again only when what it shows changed. */
const Row = memo(
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
  },
  (a, b) => a.instance === b.instance && sameFrontendRow(a.row, b.row),
);

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
