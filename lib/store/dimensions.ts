/** Servers and backends as rollups and retention walk them: in batches by id, each covered during its life. */
import type { Interval } from '@/lib/health/history-types';
import { normalizeIntervals } from '@/lib/health/timeline';
import type { HistoryDb } from './db';

export const DIMENSION_BATCH = 500;

export interface DimensionRow {
  id: number;
  instance_id: number;
  first_seen_at: number;
  gone_at: number | null;
}

export function* dimensionBatches(
  db: HistoryDb,
  table: 'servers' | 'backends',
  size = DIMENSION_BATCH,
): Generator<DimensionRow[]> {
  const page = db.prepare(
    `SELECT id, instance_id, first_seen_at, gone_at FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after, size) as DimensionRow[];
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
  }
}

export function coverageByInstance(db: HistoryDb, range: Interval): Map<number, Interval[]> {
  const rows = db
    .prepare('SELECT instance_id, from_ms, to_ms FROM coverage WHERE to_ms >= ? AND from_ms < ?')
    .all(range.from, range.to) as { instance_id: number; from_ms: number; to_ms: number }[];
  const byInstance = new Map<number, Interval[]>();
  for (const row of rows) {
    const list = byInstance.get(row.instance_id) ?? [];
    list.push({ from: row.from_ms, to: row.to_ms });
    byInstance.set(row.instance_id, list);
  }
  return byInstance;
}

/** The instance's coverage, limited to a server's or backend's life (first seen … gone) and the range. */
export function lifeCoverage(
  coverage: readonly Interval[],
  dimension: { first_seen_at: number; gone_at: number | null },
  range: Interval,
): Interval[] {
  const life = {
    from: Math.max(range.from, dimension.first_seen_at),
    to: Math.min(range.to, dimension.gone_at ?? range.to),
  };
  if (life.to <= life.from) return [];
  return normalizeIntervals(coverage, life);
}
