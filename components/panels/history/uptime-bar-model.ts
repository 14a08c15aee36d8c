/** The uptime bar's cells and its keyboard movement between them. Pure. */
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import { toCellViews, type CellView } from './bucket-view';
import { needsDate } from './format';

/** One cell per bucket, dated when the buckets span more than a day; null while there are none to show. */
export function toBarCells(
  buckets: readonly UptimeBucketDto[] | null | undefined,
  generatedUntil: string | null,
): CellView[] | null {
  if (!buckets || buckets.length === 0) return null;
  const from = Date.parse(buckets[0]!.from);
  const to = Date.parse(buckets[buckets.length - 1]!.to);
  const until = generatedUntil ? Date.parse(generatedUntil) : null;
  return toCellViews(buckets, { generatedUntil: until, withDate: needsDate(from, to) });
}

/** The cell a key moves focus to from `current` among `count` cells, or null when the key does not move it. */
export function rovingIndex(key: string, current: number, count: number): number | null {
  const moves: Record<string, number> = {
    ArrowLeft: current - 1,
    ArrowRight: current + 1,
    Home: 0,
    End: count - 1,
  };
  const target = moves[key];
  if (target === undefined || count === 0) return null;
  return Math.max(0, Math.min(count - 1, target));
}
