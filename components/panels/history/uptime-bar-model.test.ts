import { describe, expect, test } from 'vitest';
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import { rovingIndex, toBarCells } from './uptime-bar-model';

const bucket = (from: string, to: string): UptimeBucketDto => ({
  from,
  to,
  state: 'up',
  cause: null,
  upSec: (Date.parse(to) - Date.parse(from)) / 1000,
  downSec: 0,
  plannedSec: 0,
  degradedSec: 0,
  noDataSec: 0,
});
const DATED = /[A-Z][a-z]{2} \d\d:\d\d/;

describe('toBarCells', () => {
  test.each([null, undefined, []])('%j buckets → no cells (placeholders)', (buckets) => {
    expect(toBarCells(buckets, null)).toBeNull();
  });

  test('one cell per bucket, generated before generatedUntil', () => {
    const cells = toBarCells(
      [
        bucket('2024-05-01T10:00:00.000Z', '2024-05-01T11:00:00.000Z'),
        bucket('2024-05-01T11:00:00.000Z', '2024-05-01T12:00:00.000Z'),
      ],
      '2024-05-01T10:30:00.000Z',
    );
    expect(cells?.map((c) => [c.key, c.generated])).toEqual([
      ['2024-05-01T10:00:00.000Z', true],
      ['2024-05-01T11:00:00.000Z', false],
    ]);
    expect(cells?.[0]?.label).not.toMatch(DATED);
  });

  test('dated labels when the buckets span more than 20 h', () => {
    const cells = toBarCells(
      [
        bucket('2024-05-01T00:00:00.000Z', '2024-05-01T12:00:00.000Z'),
        bucket('2024-05-01T12:00:00.000Z', '2024-05-02T00:00:00.000Z'),
      ],
      null,
    );
    expect(cells?.[0]?.label).toMatch(DATED);
  });
});

test.each([
  ['ArrowLeft', 3, 5, 2],
  ['ArrowLeft', 0, 5, 0],
  ['ArrowRight', 3, 5, 4],
  ['ArrowRight', 4, 5, 4],
  ['Home', 3, 5, 0],
  ['End', 1, 5, 4],
  ['ArrowUp', 3, 5, null],
  ['Enter', 3, 5, null],
  ['End', 0, 0, null],
])('%s from %i of %i cells → %s', (key, current, count, expected) => {
  expect(rovingIndex(key, current, count)).toBe(expected);
});
