/** One backend's own series over a range (its HAProxy row, not its servers'), at a resolution fitted to the range. */
import type { Interval } from '@/lib/health/history-types';
import { pickResolution } from '@/lib/health/time-range';
import { invertIntervals } from '@/lib/health/timeline';
import type { BackendRollupDbRow, BackendSampleDbRow } from './backend-rollup';
import type { HistoryDb } from './db';
import { coverageByInstance, lifeCoverage } from './dimensions';
import { readAtResolution } from './history-query';
import type { BackendHistory, BackendHistorySample } from './history-types';
import type { Retention } from './retention-policy';
import { ROLLUP_TABLES, type RollupTable } from './rollup-table';
import { readBuckets } from './sqlite-packed-runs';
import { toBackendRollupSample, toBackendSample } from './history-rows';
import { BACKEND_RAW } from './raw-samples';
import { rawReader, readRaw } from './sqlite-raw-samples';

interface BackendRow {
  id: number;
  instance: string;
  instance_id: number;
  name: string;
  first_seen_at: number;
  gone_at: number | null;
}

export function findBackend(db: HistoryDb, instance: string, backend: string): BackendRow | null {
  const row = db
    .prepare(
      `SELECT b.id, i.name AS instance, b.instance_id, b.name, b.first_seen_at, b.gone_at
       FROM backends b JOIN instances i ON i.id = b.instance_id WHERE i.name = ? AND b.name = ?`,
    )
    .get(instance, backend) as BackendRow | undefined;
  return row ?? null;
}

export function queryBackendHistory(
  db: HistoryDb,
  backend: BackendRow,
  range: Interval,
  options: { now: number; retention: Retention },
): BackendHistory {
  const resolution = pickResolution(range, options.now, options.retention);
  const covered = lifeCoverage(coverageByInstance(db, range).get(backend.instance_id) ?? [], backend, range);
  return {
    backend: { id: backend.id, instance: backend.instance, backend: backend.name },
    range,
    resolution,
    samples: readAtResolution(db, range, resolution, {
      raw: (part, afterRollup) => rawSamples(db, backend.id, part, afterRollup),
      rollup: (level, part) =>
        rollupSamples(
          db,
          level === 'minute' ? ROLLUP_TABLES.backendMinutes : ROLLUP_TABLES.backendHours,
          backend.id,
          part,
        ),
    }),
    noData: invertIntervals(covered, range),
  };
}

function rawSamples(
  db: HistoryDb,
  id: number,
  range: Interval,
  afterRollup: boolean,
): BackendHistorySample[] {
  return readRaw<BackendSampleDbRow>(rawReader(db, BACKEND_RAW), id, range, afterRollup).map(toBackendSample);
}

/** One sample per bucket: a stored run gives each bucket it stands for (rollup-table.ts). */
function rollupSamples(
  db: HistoryDb,
  table: RollupTable,
  id: number,
  range: Interval,
): BackendHistorySample[] {
  return readBuckets<BackendRollupDbRow>(db, table, id, range).map((row) =>
    toBackendRollupSample(row, table.bucketMs),
  );
}
