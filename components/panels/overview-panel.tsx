'use client';

import { useMemo } from 'react';
import { useSnapshot } from '../hooks/use-snapshot';
import { useValueAsOf } from '../hooks/use-value-as-of';
import { FrontendsPanel } from './frontends/frontends-panel';
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
import { countRows, countSources } from './summary/summary';
import { useOverviewTable } from './use-overview-table';

/**
 * The overview: sources, summary counts, frontends and every backend with its servers, live. `thresholds` are
 * the alert rules' (the page reads them from the configuration): cells past them are highlighted.
 */
export function OverviewPanel({ thresholds }: { thresholds: AbnormalThresholds }) {
  const { snapshot, error, isLoading, clockOffsetMs, ageOf, layout, shape } = useSnapshot();
  const backends = useMemo(() => snapshot?.backends ?? [], [snapshot]);
  const frontends = useMemo(() => snapshot?.frontends ?? [], [snapshot]);
  const instances = useMemo(() => snapshot?.instances ?? [], [snapshot]);
  // Rows, states and counts change with the layout or the shape; each poll's figures are read at the rows' places.
  const shapeBackends = useValueAsOf(backends, shape);
  const layoutBackends = useValueAsOf(backends, layout);
  const asOf = useMemo(
    () => ({ now: backends, shape: shapeBackends, layout: layoutBackends }),
    [backends, shapeBackends, layoutBackends],
  );
  // The summary counts each server once: of sources reading one HAProxy process, the counted one.
  const countedNames = instances
    .filter((i) => i.counted)
    .map((i) => i.name)
    .join('\n');
  const rowCounts = useMemo(
    () => countRows(shapeBackends, new Set(countedNames.split('\n'))),
    [shapeBackends, countedNames],
  );
  // The table shows every source's rows, each process's as many times as it is read.
  const tableServers = useMemo(
    () => layoutBackends.reduce((n, b) => n + b.servers.length, 0),
    [layoutBackends],
  );
  const summary = useMemo(() => ({ ...rowCounts, ...countSources(instances) }), [rowCounts, instances]);
  const table = useOverviewTable(asOf, thresholds, instances, ageOf);
  const shownColumns = useMemo(() => new Set<string>(table.columns.map((c) => c.id)), [table.columns]);

  if (!snapshot)
    return error && !isLoading ? <ApiErrorState message={error.message} /> : <OverviewSkeleton />;
  if (instances.length === 0) return <NoSourcesState />;
  return (
    <div className={styles.overview}>
      <OverviewNotices summary={summary} apiError={error} />
      <SourcesStrip instances={instances} clockOffsetMs={clockOffsetMs} />
      <SummaryBar summary={summary} />
      <FrontendsPanel frontends={frontends} thresholds={thresholds} />
      <PoolMatrixPanel />
      <TableToolbar
        search={table.search}
        onSearch={table.onSearch}
        searchRef={table.searchRef}
        problemsOnly={table.query.problems}
        onProblemsOnly={table.onProblemsOnly}
        problemCount={summary.serversProblem + summary.backendsProblem}
        shownServers={table.shownServers}
        totalServers={tableServers}
        onCollapseAll={table.collapseAll}
        onExpandAll={table.expandAll}
        columns={
          <ColumnChooser
            shown={shownColumns}
            isDefault={table.columnsAreDefault}
            onToggle={table.onColumns}
            onReset={table.onResetColumns}
          />
        }
      />
      <ServerTable
        className={styles.table}
        rows={table.rows}
        backends={backends}
        columns={table.columns}
        ctx={table.ctx}
        sort={table.query.sort}
        dir={table.query.dir}
        onSort={table.onSort}
        onToggleBackend={table.toggleBackend}
        empty={
          <TableEmptyState
            search={table.deferredSearch}
            problemsOnly={table.query.problems}
            summary={summary}
            onClear={table.clearFilters}
          />
        }
      />
    </div>
  );
}
