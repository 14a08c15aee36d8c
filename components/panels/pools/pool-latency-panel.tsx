'use client';

import { useMemo, useState } from 'react';
import type { PoolDto } from '@/lib/api/pools-dto';
import type { RangePreset } from '@/lib/health/time-range';
import { PoolLatencyChart } from '../../charts/pool-latency-chart';
import { usePoolLatency } from '../../hooks/use-pool-latency';
import { toPoolLatencyPoints } from './latency-series';
import styles from './pools.module.css';

const RANGES: readonly { label: string; preset: RangePreset }[] = [
  { label: '15 min', preset: '15m' },
  { label: '1 h', preset: '1h' },
  { label: '6 h', preset: '6h' },
  { label: '24 h', preset: '24h' },
];

const isChecked = (s: PoolDto['servers'][number]) => s.status !== 'NOCHECK' && s.status !== 'MAINT';

/** Check latency of the pool over time: p95 and max across its servers per time bucket, binned by the API. */
export function PoolLatencyPanel({ pool }: { pool: PoolDto }) {
  const [rangeIndex, setRangeIndex] = useState(0);
  const range = RANGES[rangeIndex] ?? RANGES[0]!;
  const checked = pool.servers.filter(isChecked).length;
  const { data, error } = usePoolLatency(checked > 0 ? pool.name : null, range.preset);
  const series = useMemo(() => (data ? toPoolLatencyPoints(data) : []), [data]);
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
      {checked === 0 ? (
        <p className={styles.muted}>No health-checked server in this pool.</p>
      ) : data ? (
        <PoolLatencyChart
          data={series}
          from={Date.parse(data.from)}
          to={Date.parse(data.to)}
          title={`p95 and max across ${checked} servers`}
        />
      ) : (
        <p className={styles.muted}>{error ? `History unavailable: ${error.message}` : 'Loading history…'}</p>
      )}
    </section>
  );
}
