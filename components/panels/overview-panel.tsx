'use client';

import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { useSlashFocus } from '../hooks/use-slash-focus';
import { useSnapshot } from '../hooks/use-snapshot';
import { useTableQuery } from './server-table/use-table-query';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { Uptime24hProvider } from './history/overview-uptime';
import { OverviewNotices } from './overview-notices';
import { OverviewSkeleton } from './overview-skeleton';
import { PoolMatrixPanel } from './pools/pool-matrix';
import styles from './overview.module.css';
import { visibleColumns } from './server-table/columns';
import { backendKey, toTableRows } from './server-table/rows';
import { ServerTable } from './server-table/server-table';
import { TableToolbar } from './server-table/table-toolbar';
import { nextSort } from './server-table/table-query';
import { SourcesStrip } from './sources/sources-strip';
import { SummaryBar } from './summary/summary-bar';
import { summarize } from './summary/summary';

/** The overview: sources, summary counts and every backend with its servers, live. */
export function OverviewPanel() {
  const { snapshot, error, isLoading, clockOffsetMs } = useSnapshot();
  const [query, setQuery] = useTableQuery();
  const [search, setSearch] = useState(query.q);
  const deferredSearch = useDeferredValue(search);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocus(searchRef);

  const backends = useMemo(() => snapshot?.backends ?? [], [snapshot]);
  const instances = useMemo(() => snapshot?.instances ?? [], [snapshot]);
  const summary = useMemo(() => summarize(backends, instances), [backends, instances]);
  const columns = useMemo(() => {
    const servers = backends.flatMap((b) => b.servers);
    return visibleColumns({ node: servers.some((s) => s.node), pool: servers.some((s) => s.pool) });
  }, [backends]);
  const rows = useMemo(
    () => toTableRows(backends, { ...query, q: deferredSearch }, collapsed),
    [backends, query, deferredSearch, collapsed],
  );
  const shownServers = useMemo(
    () => rows.reduce((n, r) => n + (r.kind === 'backend' ? r.matching : 0), 0),
    [rows],
  );

  const toggleBackend = useCallback((key: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const onSearch = (value: string) => {
    setSearch(value);
    setQuery({ q: value });
  };
  const clearFilters = () => {
    setSearch('');
    setQuery({ q: '', problems: false });
  };

  if (!snapshot) {
    if (error && !isLoading) {
      return (
        <EmptyState title="Cannot reach the hapscope API" tone="error" data-testid="api-error">
          <p>{error.message}. Retrying automatically.</p>
        </EmptyState>
      );
    }
    return <OverviewSkeleton />;
  }

  if (instances.length === 0) {
    return (
      <EmptyState title="No sources configured" data-testid="no-sources">
        <p>
          Point hapscope at HAProxy with <code>HAPROXY_STATS_URL</code>, e.g.{' '}
          <code>lb-fra=http://user:pass@10.0.0.1:8404/stats</code> or{' '}
          <code>unix:/run/haproxy/admin.sock</code>, several separated by commas.
        </p>
      </EmptyState>
    );
  }

  const filtering = deferredSearch.trim() !== '' || query.problems;
  const empty = filtering ? (
    <EmptyState
      title={query.problems && !deferredSearch.trim() ? 'No problems' : 'No servers match'}
      action={
        <Button size="sm" onClick={clearFilters}>
          Clear filters
        </Button>
      }
    >
      {query.problems && !deferredSearch.trim() ? (
        <p>Every server is UP (or not checked) and every backend has an active server.</p>
      ) : (
        <p>
          Nothing matches “{deferredSearch.trim()}”{query.problems ? ' among the problems' : ''}.
        </p>
      )}
    </EmptyState>
  ) : summary.sourcesFailing === summary.sources ? (
    <EmptyState title="No data yet" tone="error">
      <p>No source has answered yet: see the errors above.</p>
    </EmptyState>
  ) : (
    <EmptyState title="No backends">
      <p>The sources answer but report no backends.</p>
    </EmptyState>
  );

  return (
    <div className={styles.overview}>
      <OverviewNotices summary={summary} apiError={error} />
      <SourcesStrip instances={instances} clockOffsetMs={clockOffsetMs} />
      <SummaryBar summary={summary} />
      <PoolMatrixPanel />
      <TableToolbar
        search={search}
        onSearch={onSearch}
        searchRef={searchRef}
        problemsOnly={query.problems}
        onProblemsOnly={(problems) => setQuery({ problems })}
        problemCount={summary.serversProblem + summary.backendsProblem}
        shownServers={shownServers}
        totalServers={summary.servers}
        onCollapseAll={() => setCollapsed(new Set(backends.map(backendKey)))}
        onExpandAll={() => setCollapsed(new Set())}
      />
      <Uptime24hProvider>
        <ServerTable
          className={styles.table}
          rows={rows}
          columns={columns}
          sort={query.sort}
          dir={query.dir}
          onSort={(column) => setQuery(nextSort(query, column))}
          onToggleBackend={toggleBackend}
          empty={empty}
        />
      </Uptime24hProvider>
    </div>
  );
}
