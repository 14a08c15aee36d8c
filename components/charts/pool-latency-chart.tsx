'use client';

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMs } from '../ui/format';
import { timeAxisProps, tooltipStyle, valueAxisProps } from './chart-axes';
import styles from './charts.module.css';

export interface PoolLatencyPoint {
  t: number;
  p95: number | null;
  max: number | null;
}

export interface PoolLatencyChartProps {
  data: readonly PoolLatencyPoint[];
  from: number;
  to: number;
  title?: string;
  height?: number;
}

const NAMES: Record<string, string> = { p95: 'p95', max: 'max' };

/** A pool's health-check latency over time: p95 and max across its servers, gaps where nothing was checked. */
export function PoolLatencyChart({
  data,
  from,
  to,
  title = 'Check latency',
  height = 200,
}: PoolLatencyChartProps) {
  return (
    <figure className={styles.chart} data-testid="pool-latency-chart" aria-label={`${title} chart`}>
      <figcaption className={styles.title}>{title}</figcaption>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <LineChart data={data as PoolLatencyPoint[]} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
            <XAxis {...timeAxisProps(from, to)} />
            <YAxis {...valueAxisProps((v) => formatMs(v))} />
            <Tooltip
              {...tooltipStyle}
              formatter={(value, name) => [
                typeof value === 'number' ? formatMs(value) : '–',
                NAMES[String(name)] ?? String(name),
              ]}
            />
            <Legend
              verticalAlign="top"
              align="right"
              height={22}
              iconType="plainline"
              wrapperStyle={{ fontSize: 12, color: 'var(--text-muted)' }}
            />
            <Line
              type="linear"
              dataKey="max"
              name="max"
              stroke="var(--st-going-down)"
              strokeWidth={1.2}
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
            <Line
              type="linear"
              dataKey="p95"
              name="p95"
              stroke="var(--accent)"
              strokeWidth={1.8}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
