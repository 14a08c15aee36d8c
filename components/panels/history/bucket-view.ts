/** Uptime-bar cells from the API's buckets: state, the text a hover or a screen reader gets, generated or not. */
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import { formatDuration } from '../../ui/format';
import { formatSpan, type ClockOptions } from './format';

export type CellState = UptimeBucketDto['state'];

export const STATE_TEXT: Record<CellState, string> = {
  up: 'UP',
  degraded: 'DEGRADED (backups only)',
  down: 'DOWN',
  planned: 'PLANNED (MAINT/DRAIN)',
  'no-data': 'NO DATA',
};

export interface CellView {
  key: string;
  state: CellState;
  /** "12:04–12:08 DOWN 3m 10s — L7STS 503: Layer7 wrong status" */
  label: string;
  /** The bucket lies (at least partly) before generatedUntil: demo data, not recorded. */
  generated: boolean;
  /** A problem state that filled under half the bucket: drawn lighter, so a 10 s blip does not look like an hour. */
  partial: boolean;
}

function secondsIn(bucket: UptimeBucketDto): number {
  switch (bucket.state) {
    case 'up':
      return bucket.upSec;
    case 'down':
      return bucket.downSec;
    case 'degraded':
      return bucket.degradedSec;
    case 'planned':
      return bucket.plannedSec;
    case 'no-data':
      return bucket.noDataSec;
  }
}

export function toCellView(
  bucket: UptimeBucketDto,
  options: ClockOptions & { generatedUntil: number | null },
): CellView {
  const from = Date.parse(bucket.from);
  const to = Date.parse(bucket.to);
  const generated = options.generatedUntil !== null && from < options.generatedUntil;
  const parts = [formatSpan(from, to, options), STATE_TEXT[bucket.state], formatDuration(secondsIn(bucket))];
  let label = parts.join(' ');
  if (bucket.cause && bucket.state !== 'up' && bucket.state !== 'no-data') label += ` — ${bucket.cause}`;
  if (bucket.state !== 'no-data' && bucket.noDataSec >= 1)
    label += ` (no data ${formatDuration(bucket.noDataSec)})`;
  if (generated) label += ' · generated';
  const problem = bucket.state === 'down' || bucket.state === 'degraded' || bucket.state === 'planned';
  const partial = problem && secondsIn(bucket) * 1000 < (to - from) / 2;
  return { key: bucket.from, state: bucket.state, label, generated, partial };
}

export function toCellViews(
  buckets: readonly UptimeBucketDto[],
  options: ClockOptions & { generatedUntil: number | null },
): CellView[] {
  return buckets.map((bucket) => toCellView(bucket, options));
}
