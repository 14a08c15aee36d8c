'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  SPAN_FILL,
  TONE_COLOR,
  type ChartPoint,
  type ChartSeries,
  type HistoryChartProps,
} from './chart-types';
import { timeAxisProps, tooltipStyle, valueAxisProps } from './chart-axes';
import styles from './charts.module.css';

export interface SeriesDef {
  key: ChartSeries;
  name: string;
  color: string;
  /** A secondary line (the longer ttime under rtime, rarer errors under the 5xx rate). */
  dashed?: boolean;
}

export interface TimeSeriesChartProps extends HistoryChartProps {
  title: string;
  /** One line, or several in one unit with a legend naming them. */
  series: SeriesDef | readonly SeriesDef[];
  formatValue: (value: number) => string;
  /** Ticks between whole numbers, for rates mostly below 1. */
  allowDecimals?: boolean;
  testId?: string;
}

/**
 * Metrics over time with the server's transitions drawn in: a line per transition coloured by the state it
 * entered, DOWN and planned time shaded, gaps in polling greyed, generated demo history marked.
 */
export function TimeSeriesChart({
  data,
  from,
  to,
  markers,
  spans,
  generatedUntil,
  height = 170,
  title,
  series,
  formatValue,
  allowDecimals = false,
  testId,
}: TimeSeriesChartProps) {
  const lines: readonly SeriesDef[] = Array.isArray(series) ? series : [series as SeriesDef];
  // A flapping server has hundreds of transitions: faint lines keep the series readable through them.
  const dense = markers.length > 40;
  const generatedTo = generatedUntil !== null ? Math.min(generatedUntil, to) : null;
  return (
    <figure className={styles.chart} data-testid={testId} aria-label={`${title} chart`}>
      <figcaption className={styles.title}>{title}</figcaption>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <LineChart data={data as ChartPoint[]} margin={{ top: 6, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
            <XAxis {...timeAxisProps(from, to)} />
            <YAxis {...valueAxisProps((v) => formatValue(v), allowDecimals)} />
            {generatedTo !== null && generatedTo > from ? (
              <ReferenceArea
                x1={from}
                x2={generatedTo}
                fill="var(--text-faint)"
                fillOpacity={0.1}
                ifOverflow="hidden"
                label={{
                  value: 'generated',
                  position: 'insideTopLeft',
                  fill: 'var(--text-faint)',
                  fontSize: 10,
                }}
              />
            ) : null}
            {spans.map((span) => (
              <ReferenceArea
                key={`${span.tone}-${span.from}`}
                x1={Math.max(span.from, from)}
                x2={Math.min(span.to, to)}
                fill={SPAN_FILL[span.tone]}
                fillOpacity={span.tone === 'no-data' ? 0.12 : 0.16}
                ifOverflow="hidden"
              />
            ))}
            {markers.map((marker, i) => (
              <ReferenceLine
                key={`${marker.at}-${i}`}
                x={marker.at}
                stroke={TONE_COLOR[marker.tone]}
                strokeWidth={1.5}
                strokeOpacity={dense ? 0.35 : 1}
                strokeDasharray={
                  marker.tone === 'going-down' || marker.tone === 'going-up' ? '3 3' : undefined
                }
                ifOverflow="hidden"
              />
            ))}
            <Tooltip
              {...tooltipStyle}
              formatter={(value, name) => [
                typeof value === 'number' ? formatValue(value) : '–',
                String(name),
              ]}
            />
            {lines.length > 1 ? (
              <Legend
                verticalAlign="top"
                align="right"
                height={22}
                iconType="plainline"
                wrapperStyle={{ fontSize: 12, color: 'var(--text-muted)' }}
              />
            ) : null}
            {lines.map((line) => (
              <Line
                key={line.key}
                type="linear"
                dataKey={line.key}
                name={line.name}
                stroke={line.color}
                strokeWidth={line.dashed ? 1.2 : 1.5}
                strokeDasharray={line.dashed ? '4 3' : undefined}
                dot={false}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
