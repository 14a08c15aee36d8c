import { expect, test } from 'vitest';
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import { toCellView } from './bucket-view';

const bucket = (patch: Partial<UptimeBucketDto>): UptimeBucketDto => ({
  from: '2025-05-01T12:04:00.000Z',
  to: '2025-05-01T12:08:00.000Z',
  state: 'up',
  cause: null,
  upSec: 240,
  downSec: 0,
  plannedSec: 0,
  degradedSec: 0,
  noDataSec: 0,
  ...patch,
});
const opts = { timeZone: 'UTC', generatedUntil: null };

test.each<[Partial<UptimeBucketDto>, string]>([
  [{}, '12:04–12:08 UP 4m 00s'],
  [
    { state: 'down', upSec: 50, downSec: 190, cause: 'L7STS 503: Layer7 wrong status' },
    '12:04–12:08 DOWN 3m 10s — L7STS 503: Layer7 wrong status',
  ],
  [{ state: 'planned', upSec: 0, plannedSec: 240 }, '12:04–12:08 PLANNED (MAINT/DRAIN) 4m 00s'],
  [{ state: 'degraded', upSec: 240, degradedSec: 30 }, '12:04–12:08 DEGRADED (backups only) 30s'],
  [{ state: 'no-data', upSec: 0, noDataSec: 240 }, '12:04–12:08 NO DATA 4m 00s'],
  [{ upSec: 180, noDataSec: 60 }, '12:04–12:08 UP 3m 00s (no data 1m 00s)'],
])('%j reads "%s"', (patch, label) => {
  const cell = toCellView(bucket(patch), opts);
  expect(cell.label).toBe(label);
  expect(cell.state).toBe(patch.state ?? 'up');
  expect(cell.generated).toBe(false);
});

test('a bucket that starts before generatedUntil is generated, and says so', () => {
  const until = Date.parse('2025-05-01T12:06:00Z');
  expect(toCellView(bucket({}), { ...opts, generatedUntil: until })).toMatchObject({
    generated: true,
    label: '12:04–12:08 UP 4m 00s · generated',
  });
  expect(
    toCellView(bucket({}), { ...opts, generatedUntil: Date.parse('2025-05-01T12:04:00Z') }).generated,
  ).toBe(false);
});

test.each<[Partial<UptimeBucketDto>, boolean]>([
  [{ state: 'down', upSec: 200, downSec: 40 }, true],
  [{ state: 'down', upSec: 100, downSec: 140 }, false],
  [{ state: 'planned', upSec: 0, plannedSec: 240 }, false],
  [{ state: 'up' }, false],
  [{ state: 'no-data', upSec: 0, noDataSec: 240 }, false],
])('%j is partial: %s', (patch, partial) => {
  expect(toCellView(bucket(patch), opts).partial).toBe(partial);
});

test('dates appear when asked for', () => {
  expect(toCellView(bucket({}), { ...opts, withDate: true }).label).toBe('1 May 12:04–1 May 12:08 UP 4m 00s');
});
