/** The look every time chart here shares: a time X axis, a value Y axis and the tooltip, in the theme's colours. */

export const clock = (ms: number, withDate: boolean) =>
  new Date(ms).toLocaleString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  });

/** Props for recharts' XAxis over [from, to]; dates appear once the range passes most of a day. */
export function timeAxisProps(from: number, to: number) {
  const withDate = to - from > 20 * 3_600_000;
  return {
    dataKey: 't',
    type: 'number' as const,
    scale: 'time' as const,
    domain: [from, to],
    allowDataOverflow: true,
    tickFormatter: (ms: number) => clock(ms, withDate),
    stroke: 'var(--text-faint)',
    tick: { fill: 'var(--text-muted)', fontSize: 11 },
    minTickGap: 40,
  };
}

/** Whole ticks unless `allowDecimals` (rates that are mostly below 1 per second). */
export function valueAxisProps(format: (value: number) => string, allowDecimals = false) {
  return {
    width: 64,
    stroke: 'var(--text-faint)',
    tick: { fill: 'var(--text-muted)', fontSize: 11 },
    tickFormatter: (value: number) => format(value),
    allowDecimals,
  };
}

export const tooltipStyle = {
  isAnimationActive: false,
  labelFormatter: (ms: unknown) => clock(Number(ms), true),
  contentStyle: {
    background: 'var(--surface)',
    border: '1px solid var(--border)',
    borderRadius: 6,
    color: 'var(--text)',
    fontVariantNumeric: 'tabular-nums',
  },
  labelStyle: { color: 'var(--text-muted)' },
};
