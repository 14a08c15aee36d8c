/**
 * Display formatting shared by every panel. Fixed locale (en-US) so server and browser render the same text
 * and numbers line up in tabular columns.
 */

const DASH = '–';
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Integers with thousands separators; null or non-finite becomes a dash. */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  return numberFormat.format(n);
}

/** A compact duration with its two largest units: "45s", "3m 12s", "2h 05m", "4d 3h". */
export function formatDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec) || sec < 0) return DASH;
  const s = Math.floor(sec);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${pad2(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h ${pad2(m % 60)}m`;
  const d = Math.floor(h / 24);
  return `${d}d ${h % 24}h`;
}

/** How long ago something happened, for a ticking label: "just now", "2 s ago", "3 min ago", "2 h ago". */
export function formatAge(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'never';
  if (ms < 1000) return 'just now';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** Time until something, for retries: "in 4 s", "in 2 min", "now". */
export function formatIn(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms < 1000) return 'now';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `in ${s} s`;
  return `in ${Math.ceil(s / 60)} min`;
}

/** Milliseconds as "12 ms" or "1.4 s". */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Uptime as the badges print it: "100%", "99.99%", "97.2%". Rounded down, never up to 100% while any downtime
 * remains (99.996 reads "99.99%"); two decimals from 99%, where the difference matters.
 */
export function formatPct(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return DASH;
  if (pct >= 100) return '100%';
  const digits = pct >= 99 ? 2 : 1;
  const factor = 10 ** digits;
  // The epsilon absorbs binary float error (99.57 * 100 = 9956.99…), far below the digits shown.
  return `${(Math.floor(pct * factor + 1e-9) / factor).toFixed(digits)}%`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Bytes in binary units, three significant figures at most: "512 B", "1.5 KiB", "12.3 MiB", "740 GiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return DASH;
  let value = bytes;
  let unit = 0;
  while (unit < BYTE_UNITS.length - 1 && value >= 1024) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const digits = value < 99.95 ? 1 : 0;
  if (Number(value.toFixed(digits)) >= 1024 && unit < BYTE_UNITS.length - 1)
    return `1.0 ${BYTE_UNITS[unit + 1]}`;
  return `${value.toFixed(digits)} ${BYTE_UNITS[unit]}`;
}

/** A per-second rate: "0/s", "<0.01/s", "0.25/s", "3.5/s", "1,234/s". */
export function formatPerSecond(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  if (rate === 0) return '0/s';
  if (rate < 0.005) return '<0.01/s';
  if (rate < 1) return `${rate.toFixed(2)}/s`;
  if (rate < 9.95) return `${rate.toFixed(1)}/s`;
  return `${numberFormat.format(Math.round(rate))}/s`;
}

/** A share in percent: "0%", "0.4%", "4.8%", "12%", "100%". */
export function formatShare(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return DASH;
  if (pct === 0) return '0%';
  return pct < 9.95 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** "cur / max" or "cur / max / limit" with dashes for unknown parts. */
export function formatRatio(...parts: Array<number | null | undefined>): string {
  return parts.map(formatNumber).join(' / ');
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
