/** Axis and tooltip figures of the history charts (durations use formatMs, as every other view does). */

export const formatCount = (n: number): string =>
  n >= 10_000
    ? `${Math.round(n / 1000)}k`
    : n >= 100
      ? String(Math.round(n))
      : String(Math.round(n * 10) / 10);

export const formatRate = (n: number): string => `${formatCount(n)}/s`;
