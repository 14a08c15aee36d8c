'use client';

import { memo, useEffect, useRef } from 'react';
import { Button } from '../../ui/button';
import { Popover } from '../../ui/popover';
import { chooserGroups, groupState, optionalIdsOf, type GroupState } from './column-choice';
import type { ColumnId } from './columns';
import styles from './column-chooser.module.css';

export interface ColumnChooserProps {
  /** Ids of the columns shown now. */
  shown: ReadonlySet<string>;
  /** The defaults are shown (no `cols=` in the URL). */
  isDefault: boolean;
  onToggle: (ids: readonly ColumnId[], on: boolean) => void;
  onReset: () => void;
}

const GROUPS = chooserGroups();

/** "Columns": a checkbox per column and per group, grouped as HAProxy's stats page groups them. */
export const ColumnChooser = memo(function ColumnChooser({
  shown,
  isDefault,
  onToggle,
  onReset,
}: ColumnChooserProps) {
  return (
    <Popover
      label="Columns of the server table"
      title="Choose the table's columns (kept in the URL)"
      testId="column-chooser"
      trigger={
        <>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path
              d="M2 3h3v10H2zM6.5 3h3v10h-3zM11 3h3v10h-3z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
            />
          </svg>
          Columns
        </>
      }
    >
      <div className={styles.head}>
        <h2 className={styles.title}>Columns</h2>
        <Button size="sm" onClick={onReset} disabled={isDefault} data-testid="columns-reset">
          Reset to defaults
        </Button>
      </div>
      <div className={styles.groups}>
        {GROUPS.map((group) => (
          <fieldset key={group.id} className={styles.group} data-testid={`column-group-${group.id}`}>
            <legend className={styles.legend}>
              <GroupCheckbox
                label={group.label}
                state={groupState(group.id, shown)}
                onChange={(on) => onToggle(optionalIdsOf(group.id), on)}
              />
            </legend>
            {group.columns.map((column) => (
              <label key={column.id} className={styles.choice} title={column.title}>
                <input
                  type="checkbox"
                  checked={column.fixed || shown.has(column.id)}
                  disabled={column.fixed}
                  onChange={(event) => onToggle([column.id], event.currentTarget.checked)}
                  data-testid={`column-${column.id}`}
                />
                {column.choice}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
    </Popover>
  );
});

/** The group's own checkbox: checked when all its columns are shown, mixed when some are. */
function GroupCheckbox({
  label,
  state,
  onChange,
}: {
  label: string;
  state: GroupState;
  onChange: (on: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <label className={styles.groupLabel}>
      <input ref={ref} type="checkbox" checked={state === 'all'} onChange={() => onChange(state !== 'all')} />
      {label}
    </label>
  );
}
