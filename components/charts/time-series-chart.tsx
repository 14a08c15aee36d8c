'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SPAN_FILL, TONE_COLOR, type ChartPoint, type HistoryChartProps } from './chart-types';
import { timeAxisProps, tooltipStyle, valueAxisProps } from './chart-axes';
import styles from './charts.module.css';

export interface SeriesDef {
  key: keyof Omit<ChartPoint, 't'>;
  name: string;
  color: string;
}

export interface TimeSeriesChartProps extends HistoryChartProps {
  title: string;
  series: SeriesDef;
  formatValue: (value: number) => string;
  testId?: string;
}

/**
 * One metric over time with the server's transitions drawn in: a line per transition coloured by the state it
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
  testId,
}: TimeSeriesChartProps) {
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
            <YAxis {...valueAxisProps((v) => formatValue(v))} />
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
              formatter={(value) => [typeof value === 'number' ? formatValue(value) : '–', series.name]}
            />
            <Line
              type="linear"
              dataKey={series.key}
              name={series.name}
              stroke={series.color}
              strokeWidth={1.5}
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
