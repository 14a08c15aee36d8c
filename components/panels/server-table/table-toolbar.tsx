import { memo, type ReactNode, type Ref } from 'react';
import { Button } from '../../ui/button';
import { formatNumber } from '../../ui/format';
import { SearchInput } from '../../ui/search-input';
import styles from './table-toolbar.module.css';

export interface TableToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  searchRef?: Ref<HTMLInputElement>;
  problemsOnly: boolean;
  onProblemsOnly: (value: boolean) => void;
  /** Problems in the whole snapshot, shown on the toggle. */
  problemCount: number;
  shownServers: number;
  totalServers: number;
  onCollapseAll?: () => void;
  onExpandAll?: () => void;
  /** The column chooser, at the end of the bar. */
  columns?: ReactNode;
}

/**
 * Search, the problems-only filter, the group controls and the column chooser above the server table; drawn again
 * only when one of them changed (a controlled input's every render rewrites its name and type attributes).
 */
export const TableToolbar = memo(function TableToolbar(props: TableToolbarProps) {
  const { search, onSearch, searchRef, problemsOnly, onProblemsOnly, problemCount } = props;
  const filtered = props.shownServers !== props.totalServers;
  return (
    <div className={styles.toolbar} role="search">
      <div className={styles.search}>
        <SearchInput
          id="server-search"
          ref={searchRef}
          value={search}
          onValueChange={onSearch}
          label="Search backends, servers, addresses, nodes, pools, sources"
          placeholder="Search backend, server, address, node, pool, source…"
          shortcut="/"
          data-testid="search-input"
        />
      </div>
      <Button
        aria-pressed={problemsOnly}
        onClick={() => onProblemsOnly(!problemsOnly)}
        data-testid="problems-toggle"
        title="Show only servers that are not plain UP / no check, and backends serving from backup or without a usable server"
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path
            d="M8 1.5 15 14H1z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
          <path d="M8 6v4M8 11.5v1" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
        Problems only
        <span className={styles.badge} data-zero={problemCount === 0 ? 'true' : undefined}>
          {formatNumber(problemCount)}
        </span>
      </Button>
      <p className={styles.shown} aria-live="polite" data-testid="shown-count">
        {filtered
          ? `${formatNumber(props.shownServers)} of ${formatNumber(props.totalServers)} servers`
          : `${formatNumber(props.totalServers)} servers`}
      </p>
      {props.onCollapseAll && props.onExpandAll ? (
        <div className={styles.groupButtons}>
          <Button size="sm" variant="ghost" onClick={props.onExpandAll}>
            Expand all
          </Button>
          <Button size="sm" variant="ghost" onClick={props.onCollapseAll}>
            Collapse all
          </Button>
        </div>
      ) : null}
      {props.columns}
    </div>
  );
});
