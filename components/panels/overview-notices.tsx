import { memo } from 'react';
import type { OverviewSummary } from './summary/summary';
import styles from './overview.module.css';

export interface OverviewNoticesProps {
  summary: OverviewSummary;
  apiError: { message: string } | null;
}

/** Page-wide warnings that change how the table must be read: stale data, backends without servers. */
export const OverviewNotices = memo(function OverviewNotices({ summary, apiError }: OverviewNoticesProps) {
  const notices: Array<{ key: string; text: string }> = [];
  if (apiError) {
    notices.push({
      key: 'api',
      text: `Lost contact with the hapscope server (${apiError.message}): the page shows the last data it received.`,
    });
  }
  if (summary.sources > 0 && summary.sourcesFailing === summary.sources) {
    notices.push({
      key: 'sources',
      text: `All ${summary.sources === 1 ? '' : `${summary.sources} `}sources are failing: the table shows their last good data, if any.`,
    });
  }
  if (summary.backendsNoServer > 0) {
    notices.push({
      key: 'no-server',
      text: `${summary.backendsNoServer} backend${summary.backendsNoServer === 1 ? ' has' : 's have'} no usable server: requests to ${summary.backendsNoServer === 1 ? 'it' : 'them'} fail.`,
    });
  }
  if (notices.length === 0) return null;
  return (
    <div className={styles.notices} role="alert" data-testid="overview-notices">
      {notices.map((n) => (
        <p key={n.key} className={styles.notice} data-kind={n.key}>
          {n.text}
        </p>
      ))}
    </div>
  );
});
