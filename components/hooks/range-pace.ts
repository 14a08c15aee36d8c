/** How finely and how often a history range is read: its span, its uptime-bar cells, its refresh pace. Pure. */
import type { HistoryRange } from '@/lib/api/urls';
import { RANGE_PRESETS, type RangePreset } from '@/lib/health/time-range';

export function rangeSpanMs(range: HistoryRange): number {
  return range.kind === 'custom' ? range.to - range.from : RANGE_PRESETS[range.preset];
}

export function rangeInterval(range: HistoryRange, now: number): { from: number; to: number } {
  return range.kind === 'custom'
    ? { from: range.from, to: range.to }
    : { from: now - rangeSpanMs(range), to: now };
}

const CELLS: Record<RangePreset, number> = { '15m': 60, '1h': 60, '6h': 72, '24h': 96, '7d': 84, '30d': 90 };

/** Uptime-bar cells per range: about one per minute for 1h, up to hours for 30d; a custom range gets 60. */
export function bucketCountFor(range: HistoryRange): number {
  return range.kind === 'custom' ? 60 : CELLS[range.preset];
}

const REFRESH_MS: Record<RangePreset, number> = {
  '15m': 5_000,
  '1h': 5_000,
  '6h': 15_000,
  '24h': 30_000,
  '7d': 60_000,
  '30d': 60_000,
};

/** Sliding ranges refresh about as often as their finest detail changes; a fixed custom range does not. */
export function refreshMsFor(range: HistoryRange): number {
  return range.kind === 'custom' ? 0 : REFRESH_MS[range.preset];
}
