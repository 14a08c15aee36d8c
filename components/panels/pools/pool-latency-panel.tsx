'use client';

import { useMemo, useState } from 'react';
import type { PoolServerDto } from '@/lib/api/pools-dto';
import { PoolLatencyChart } from '../../charts/pool-latency-chart';
import { MAX_CHART_SERVERS, usePoolLatencyHistory } from '../../hooks/use-pools';
import { poolLatencySeries } from './latency-series';
import styles from './pools.module.css';

const RANGES = [
  { label: '15 min', spanMs: 15 * 60_000, refreshMs: 5_000 },
  { label: '1 h', spanMs: 3_600_000, refreshMs: 15_000 },
  { label: '6 h', spanMs: 6 * 3_600_000, refreshMs: 60_000 },
  { label: '24 h', spanMs: 24 * 3_600_000, refreshMs: 120_000 },
] as const;

/**
 * Check latency of the pool over time, aggregated in the browser from each server's history (one request per
 * server, at most MAX_CHART_SERVERS): p95 and max across the pool per time bin.
 */
export function PoolLatencyPanel({ servers }: { servers: readonly PoolServerDto[] }) {
  const [rangeIndex, setRangeIndex] = useState(0);
  const range = RANGES[rangeIndex] ?? RANGES[0];
  const checked = useMemo(
    () => servers.filter((s) => s.status !== 'NOCHECK' && s.status !== 'MAINT'),
    [servers],
  );
  const { data, error } = usePoolLatencyHistory(checked, range.spanMs, range.refreshMs);
  const series = useMemo(
    () => (data ? poolLatencySeries(data.histories, { from: data.from, to: data.to }) : []),
    [data],
  );
  return (
    <section className={styles.section} aria-label="Check latency over time">
      <div className={styles.chartHead}>
        <h2 className={styles.sectionTitle}>Check latency over time</h2>
        <div className={styles.rangePicker} role="group" aria-label="Time range">
          {RANGES.map((r, i) => (
            <button
              key={r.label}
              type="button"
              className={styles.rangeButton}
              aria-pressed={i === rangeIndex}
              onClick={() => setRangeIndex(i)}
            >
              {r.label}
            </button>
          ))}
        </div>
      </div>
      {checked.length === 0 ? (
        <p className={styles.muted}>No health-checked server in this pool.</p>
      ) : data ? (
        <PoolLatencyChart
          data={series}
          from={data.from}
          to={data.to}
          title={`p95 and max across ${Math.min(checked.length, MAX_CHART_SERVERS)} servers`}
        />
      ) : (
        <p className={styles.muted}>{error ? `History unavailable: ${error.message}` : 'Loading history…'}</p>
      )}
      {data?.truncated ? (
        <p className={styles.note}>
          Showing the first {MAX_CHART_SERVERS} of {checked.length} servers.
        </p>
      ) : null}
    </section>
  );
}
