/** Axis and tooltip figures of the history charts. */

export const formatLatency = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;

export const formatCount = (n: number): string =>
  n >= 10_000
    ? `${Math.round(n / 1000)}k`
    : n >= 100
      ? String(Math.round(n))
      : String(Math.round(n * 10) / 10);

export const formatRate = (n: number): string => `${formatCount(n)}/s`;
