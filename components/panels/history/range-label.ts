import { formatClock, needsDate } from './format';
import type { HistoryRange } from '@/lib/api/urls';

/** "last 24h", or "3 May 12:00–4 May 12:00" for a custom range. */
export function describeRange(range: HistoryRange, timeZone?: string): string {
  if (range.kind === 'preset') return `last ${range.preset}`;
  const withDate =
    needsDate(range.from, range.to) || new Date(range.from).getDate() !== new Date(range.to).getDate();
  return `${formatClock(range.from, { withDate: true, timeZone })}–${formatClock(range.to, { withDate, timeZone })}`;
}
