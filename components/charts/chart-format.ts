/** Axis and tooltip figures of the history charts (durations use formatMs, as every other view does). */

export const formatCount = (n: number): string =>
  n >= 10_000
    ? `${Math.round(n / 1000)}k`
    : n >= 100
      ? String(Math.round(n))
      : String(Math.round(n * 10) / 10);

export const formatRate = (n: number): string => `${formatCount(n)}/s`;

/** Rare events per second (errors): two significant digits below 1/s, so one error a minute still reads. */
export const formatEventRate = (n: number): string =>
  n > 0 && n < 1 ? `${Number(n.toPrecision(2))}/s` : formatRate(n);

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Bytes per second in decimal units, as network rates are quoted: 950 B/s, 12 kB/s, 1.3 MB/s. */
export function formatBytesRate(n: number): string {
  let value = n;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || Math.abs(value) >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}/s`;
}
