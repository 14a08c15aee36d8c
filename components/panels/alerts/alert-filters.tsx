'use client';

import { ALERT_KINDS } from '@/lib/alerts/types';
import type { AlertFilter, StateFilter } from '../../alerts/alert-groups';
import { kindLabel } from '../../alerts/alert-text';
import styles from './alert-center.module.css';

const STATES: readonly StateFilter[] = ['all', 'firing', 'resolved'];
const STATE_LABELS: Record<StateFilter, string> = { all: 'All', firing: 'Firing', resolved: 'Resolved' };

/** The alert center's filters: one kind (or all), and all / firing / resolved as a segmented control. */
export function AlertFilters({
  filter,
  onChange,
}: {
  filter: AlertFilter;
  onChange: (filter: AlertFilter) => void;
}) {
  return (
    <div className={styles.filters} role="group" aria-label="Filter alerts">
      <label className={styles.filter}>
        Kind
        <select
          data-testid="filter-kind"
          value={filter.kind}
          onChange={(e) => onChange({ ...filter, kind: e.target.value as AlertFilter['kind'] })}
        >
          <option value="all">All kinds</option>
          {ALERT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      <div className={styles.segmented} role="group" aria-label="State" data-testid="filter-state">
        {STATES.map((state) => (
          <button
            key={state}
            type="button"
            aria-pressed={filter.state === state}
            onClick={() => onChange({ ...filter, state })}
          >
            {STATE_LABELS[state]}
          </button>
        ))}
      </div>
    </div>
  );
}
