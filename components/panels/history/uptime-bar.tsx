'use client';

import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import { toCellViews } from './bucket-view';
import { needsDate } from './format';
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
  const cells = useMemo(() => {
    if (!buckets || buckets.length === 0) return null;
    const from = Date.parse(buckets[0]!.from);
    const to = Date.parse(buckets[buckets.length - 1]!.to);
    const until = generatedUntil ? Date.parse(generatedUntil) : null;
    return toCellViews(buckets, { generatedUntil: until, withDate: needsDate(from, to) });
  }, [buckets, generatedUntil]);
  const [active, setActive] = useState<number | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const count = cells?.length ?? 0;
  const tabStop = active !== null && active < count ? active : count - 1;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowLeft: tabStop - 1,
      ArrowRight: tabStop + 1,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined || count === 0) return;
    event.preventDefault();
    const index = Math.max(0, Math.min(count - 1, target));
    setActive(index);
    onActiveChange?.(cells?.[index]?.label ?? null);
    (ref.current?.children[index] as HTMLElement | undefined)?.focus();
  };

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
      <div
        ref={ref}
        role="group"
        aria-label={label}
        className={styles.bar}
        data-size={size}
        onKeyDown={onKeyDown}
        onMouseLeave={() => {
          if (readout) setActive(null);
          onActiveChange?.(null);
        }}
        onBlur={() => onActiveChange?.(null)}
        {...rest}
      >
        {cells.map((cell, i) => (
          <span
            key={cell.key}
            role="img"
            tabIndex={i === tabStop ? 0 : -1}
            aria-label={cell.label}
            title={cell.label}
            className={styles.cell}
            data-state={cell.state}
            data-generated={cell.generated ? 'true' : undefined}
            data-partial={cell.partial ? 'true' : undefined}
            data-testid="uptime-cell"
            onMouseEnter={() => {
              if (readout) setActive(i);
              onActiveChange?.(cell.label);
            }}
            onFocus={() => {
              setActive(i);
              onActiveChange?.(cell.label);
            }}
          />
        ))}
      </div>
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
