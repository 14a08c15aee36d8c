'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import type { CellView } from './bucket-view';
import { rovingIndex, toBarCells } from './uptime-bar-model';
import styles from './uptime-bar.module.css';

export interface UptimeBarProps {
  buckets: readonly UptimeBucketDto[] | null | undefined;
  /** ISO time history was generated until, or null. */
  generatedUntil: string | null;
  /** What the bar is about, e.g. "agent1 uptime, last 24h". */
  label: string;
  /** Cells to hold the place of while loading, so the row does not change size. */
  placeholderCount?: number;
  /** A line under the bar repeating the hovered or focused cell. */
  readout?: boolean;
  size?: 'sm' | 'md';
  /** Told the hovered or focused cell's text (null when none), for a readout shared by several bars. */
  onActiveChange?: (label: string | null) => void;
  'data-testid'?: string;
}

/**
 * One cell per time bucket, coloured by its worst state. One tab stop for the bar: arrow keys, Home and End move
 * between cells; each cell's aria-label and title say its times, state, duration and cause.
 */
export function UptimeBar({
  buckets,
  generatedUntil,
  label,
  placeholderCount = 60,
  readout = false,
  size = 'md',
  onActiveChange,
  ...rest
}: UptimeBarProps) {
  const cells = useMemo(() => toBarCells(buckets, generatedUntil), [buckets, generatedUntil]);
  // Kept here, not in the cells' bar, so the chosen cell survives a reload that shows placeholders meanwhile.
  const [active, setActive] = useState<number | null>(null);
  if (!cells) {
    return (
      <div className={styles.bar} data-size={size} aria-busy="true" aria-label={label} {...rest}>
        {Array.from({ length: placeholderCount }, (_, i) => (
          <span key={i} className={styles.placeholder} />
        ))}
      </div>
    );
  }
  return (
    <div>
      <CellsBar
        cells={cells}
        active={active}
        onActive={setActive}
        readout={readout}
        label={label}
        size={size}
        onActiveChange={onActiveChange}
        {...rest}
      />
      {readout ? (
        <div className={styles.readout} aria-hidden="true">
          {active !== null && cells[active]
            ? cells[active].label
            : 'Hover or focus a cell for its times, state and cause.'}
        </div>
      ) : null}
    </div>
  );
}

interface CellsBarProps extends Pick<UptimeBarProps, 'label' | 'onActiveChange' | 'data-testid'> {
  cells: readonly CellView[];
  /** The focused (or, with a readout, hovered) cell. */
  active: number | null;
  onActive: (index: number | null) => void;
  /** Whether the bar has its own readout: then hovering moves the active cell too. */
  readout: boolean;
  size: NonNullable<UptimeBarProps['size']>;
}

/** The cells as one tab stop (a roving tabindex); tells hover, focus and their end to `onActiveChange`. */
function CellsBar({ cells, active, onActive, readout, label, size, onActiveChange, ...rest }: CellsBarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const count = cells.length;
  const tabStop = active !== null && active < count ? active : count - 1;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = rovingIndex(event.key, tabStop, count);
    if (index === null) return;
    event.preventDefault();
    onActive(index);
    onActiveChange?.(cells[index]?.label ?? null);
    (ref.current?.children[index] as HTMLElement | undefined)?.focus();
  };
  return (
    <div
      ref={ref}
      role="group"
      aria-label={label}
      className={styles.bar}
      data-size={size}
      onKeyDown={onKeyDown}
      onMouseLeave={() => {
        if (readout) onActive(null);
        onActiveChange?.(null);
      }}
      onBlur={() => onActiveChange?.(null)}
      {...rest}
    >
      {cells.map((cell, i) => (
        <BarCell
          key={cell.key}
          cell={cell}
          tabbable={i === tabStop}
          onHover={() => {
            if (readout) onActive(i);
            onActiveChange?.(cell.label);
          }}
          onFocus={() => {
            onActive(i);
            onActiveChange?.(cell.label);
          }}
        />
      ))}
    </div>
  );
}

function BarCell({
  cell,
  tabbable,
  onHover,
  onFocus,
}: {
  cell: CellView;
  tabbable: boolean;
  onHover: () => void;
  onFocus: () => void;
}) {
  return (
    <span
      role="img"
      tabIndex={tabbable ? 0 : -1}
      aria-label={cell.label}
      title={cell.label}
      className={styles.cell}
      data-state={cell.state}
      data-generated={cell.generated ? 'true' : undefined}
      data-partial={cell.partial ? 'true' : undefined}
      data-testid="uptime-cell"
      onMouseEnter={onHover}
      onFocus={onFocus}
    />
  );
}
