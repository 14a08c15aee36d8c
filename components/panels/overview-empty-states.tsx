'use client';

import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { overviewEmpty } from './overview-empty';
import type { OverviewSummary } from './summary/summary';

export function ApiErrorState({ message }: { message: string }) {
  return (
    <EmptyState title="Cannot reach the hapscope API" tone="error" data-testid="api-error">
      <p>{message}. Retrying automatically.</p>
    </EmptyState>
  );
}

export function NoSourcesState() {
  return (
    <EmptyState title="No sources configured" data-testid="no-sources">
      <p>
        Point hapscope at HAProxy with <code>HAPROXY_STATS_URL</code>, e.g.{' '}
        <code>lb-fra=http://user:pass@10.0.0.1:8404/stats</code> or <code>unix:/run/haproxy/admin.sock</code>,
        several separated by commas.
      </p>
    </EmptyState>
  );
}

/** What the server table shows instead of rows: why it is empty, with "Clear filters" when a filter is why. */
export function TableEmptyState({
  search,
  problemsOnly,
  summary,
  onClear,
}: {
  search: string;
  problemsOnly: boolean;
  summary: OverviewSummary;
  onClear: () => void;
}) {
  const clear = (
    <Button size="sm" onClick={onClear}>
      Clear filters
    </Button>
  );
  switch (overviewEmpty(search, problemsOnly, summary)) {
    case 'no-problems':
      return (
        <EmptyState title="No problems" action={clear}>
          <p>Every server is UP (or not checked) and every backend has an active server.</p>
        </EmptyState>
      );
    case 'no-match':
      return (
        <EmptyState title="No servers match" action={clear}>
          <p>
            Nothing matches “{search.trim()}”{problemsOnly ? ' among the problems' : ''}.
          </p>
        </EmptyState>
      );
    case 'no-data':
      return (
        <EmptyState title="No data yet" tone="error">
          <p>No source has answered yet: see the errors above.</p>
        </EmptyState>
      );
    case 'no-backends':
      return (
        <EmptyState title="No backends">
          <p>The sources answer but report no backends.</p>
        </EmptyState>
      );
  }
}
