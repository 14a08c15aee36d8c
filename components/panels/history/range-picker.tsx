'use client';

import { useState, type FormEvent } from 'react';
import type { HistoryRange } from '@/lib/api/urls';
import { RANGE_OPTIONS } from './history-query';
import styles from './history.module.css';

export interface RangePickerProps {
  range: HistoryRange;
  onChange: (range: HistoryRange) => void;
  /** Offer 6h and custom from/to (the uptime page keeps to presets as well, but may hide custom). */
  custom?: boolean;
}

/** "2024-05-01T12:04" in the browser's zone, what <input type="datetime-local"> reads and writes. */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Preset ranges as a segmented control, plus a custom from/to form. */
export function RangePicker({ range, onChange, custom = true }: RangePickerProps) {
  const [open, setOpen] = useState(range.kind === 'custom');
  const [from, setFrom] = useState(() =>
    toLocalInput(range.kind === 'custom' ? range.from : Date.now() - 3_600_000),
  );
  const [to, setTo] = useState(() => toLocalInput(range.kind === 'custom' ? range.to : Date.now()));
  const [error, setError] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const fromMs = new Date(from).getTime();
    const toMs = new Date(to).getTime();
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs >= toMs) {
      setError('“From” must be before “to”.');
      return;
    }
    setError(null);
    onChange({ kind: 'custom', from: fromMs, to: Math.min(toMs, Date.now()) });
  };

  return (
    <div className={styles.rangePicker}>
      <div role="group" aria-label="Time range" className={styles.segmented}>
        {RANGE_OPTIONS.map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={range.kind === 'preset' && range.preset === option}
            onClick={() => {
              setOpen(false);
              onChange({ kind: 'preset', preset: option });
            }}
            data-testid={`range-${option}`}
          >
            {option}
          </button>
        ))}
        {custom ? (
          <button
            type="button"
            aria-pressed={range.kind === 'custom'}
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="range-custom"
          >
            Custom
          </button>
        ) : null}
      </div>
      {custom && open ? (
        <form className={styles.customRange} onSubmit={apply} aria-label="Custom time range">
          <label>
            From{' '}
            <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
          </label>
          <label>
            To <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
          </label>
          <button type="submit">Apply</button>
          {error ? (
            <span role="alert" className={styles.formError}>
              {error}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
