'use client';

import { useCallback, useMemo } from 'react';
import { FrontendsPanel } from './frontends/frontends-panel';
import { overviewClient } from './live-overview/overview-client';
import type { RowRange } from './live-overview/overview-view';
import { useLiveOverview } from './live-overview/use-live-overview';
import { ApiErrorState, NoSourcesState, TableEmptyState } from './overview-empty-states';
import { OverviewNotices } from './overview-notices';
import { OverviewSkeleton } from './overview-skeleton';
import { PoolMatrixPanel } from './pools/pool-matrix';
import styles from './overview.module.css';
import type { AbnormalThresholds } from './server-table/abnormal';
import { ColumnChooser } from './server-table/column-chooser';
import { ServerTable } from './server-table/server-table';
import { TableToolbar } from './server-table/table-toolbar';
import { SourcesStrip } from './sources/sources-strip';
import { SummaryBar } from './summary/summary-bar';
import { useOverviewTable } from './use-overview-table';

/**
 * The overview: sources, summary counts, frontends and every backend with its servers, live. `thresholds` are
 * the alert rules' (the page reads them from the configuration): cells past them are highlighted.
 */
export function OverviewPanel({ thresholds }: { thresholds: AbnormalThresholds }) {
  const { view, frontends, failure } = useLiveOverview();
  const table = useOverviewTable(view, thresholds);
  const client = overviewClient();
  const onFrontendLines = useCallback((range: RowRange | null) => client.showFrontends(range), [client]);
  const shownColumns = useMemo(() => new Set<string>(table.columns.map((c) => c.id)), [table.columns]);
  // One element while the columns are the same: the toolbar (memoized) is not drawn again for each poll.
  const { columnsAreDefault, onColumns, onResetColumns } = table;
  const columnChooser = useMemo(
    () => (
      <ColumnChooser
        shown={shownColumns}
        isDefault={columnsAreDefault}
        onToggle={onColumns}
        onReset={onResetColumns}
      />
    ),
    [shownColumns, columnsAreDefault, onColumns, onResetColumns],
  );

  const error = failure ? { message: failure } : view?.status.error;
  if (!view?.loaded)
    return error && !view?.status.isLoading ? (
      <ApiErrorState message={error.message} />
    ) : (
      <OverviewSkeleton />
    );
  const { summary, instances } = view;
  if (instances.length === 0) return <NoSourcesState />;
  return (
    <div className={styles.overview}>
      <OverviewNotices summary={summary} apiError={error ?? null} />
      <SourcesStrip instances={instances} clockOffsetMs={view.status.clockOffsetMs} />
      <SummaryBar summary={summary} />
      <FrontendsPanel frontends={frontends} onLines={onFrontendLines} />
      <PoolMatrixPanel />
      <TableToolbar
        search={table.search}
        onSearch={table.onSearch}
        searchRef={table.searchRef}
        problemsOnly={table.query.problems}
        onProblemsOnly={table.onProblemsOnly}
        problemCount={summary.serversProblem + summary.backendsProblem}
        shownServers={table.shownServers}
        totalServers={table.tableServers}
        onCollapseAll={table.collapseAll}
        onExpandAll={table.expandAll}
        columns={columnChooser}
      />
      <ServerTable
        className={styles.table}
        rows={table.rows}
        onRows={table.onRows}
        columns={table.columns}
        ctx={table.ctx}
        sort={table.query.sort}
        dir={table.query.dir}
        onSort={table.onSort}
        onToggleBackend={table.toggleBackend}
        empty={
          <TableEmptyState
            search={table.searchShown}
            problemsOnly={table.query.problems}
            summary={summary}
            onClear={table.clearFilters}
          />
        }
      />
    </div>
  );
}
