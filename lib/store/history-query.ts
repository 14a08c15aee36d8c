/** One server's history over a range: samples at a resolution fitted to the range, transitions, no-data, uptime. */
import type { Interval, StatusChange } from '@/lib/health/history-types';
import { pickResolution, type Resolution } from '@/lib/health/time-range';
import { readMeta, type HistoryDb } from './db';
import {
  toServerHistory,
  toServerRollupSample,
  toServerSample,
  toStatusChange,
  type TransitionRow,
} from './history-rows';
import type { HistorySample, ServerDimension, ServerHistory } from './history-types';
import type { Retention } from './retention-policy';
import { META_HOURS_ROLLED, META_MINUTES_ROLLED, MINUTE_MS, HOUR_MS } from './rollup';
import { ROLLUP_TABLES, type RollupTable } from './rollup-table';
import { readBuckets } from './sqlite-packed-runs';
import { SERVER_RAW } from './raw-samples';
import type { SampleDbRow, ServerRollupDbRow } from './server-rollup';
import { rawReader, readRaw } from './sqlite-raw-samples';
import { loadTimelines } from './timelines';

export function queryServerHistory(
  db: HistoryDb,
  server: ServerDimension,
  range: Interval,
  options: { now: number; retention: Retention; buckets?: number },
): ServerHistory {
  const resolution = pickResolution(range, options.now, options.retention);
  return toServerHistory(server, range, resolution, {
    timeline: loadTimelines(db, range, { id: server.id })[0],
    samples: loadSamples(db, server.id, range, resolution),
    transitions: loadTransitions(db, server.id, range),
    buckets: options.buckets,
  });
}

export function loadSamples(
  db: HistoryDb,
  serverId: number,
  range: Interval,
  resolution: Resolution,
): HistorySample[] {
  return readAtResolution(db, range, resolution, {
    raw: (part, afterRollup) => rawSamples(db, serverId, part, afterRollup),
    rollup: (level, part) =>
      rollupSamples(
        db,
        level === 'minute' ? ROLLUP_TABLES.serverMinutes : ROLLUP_TABLES.serverHours,
        serverId,
        part,
      ),
  });
}

/** How one series (a server's, a backend's) is read at each level. */
export interface SeriesReaders<T> {
  /** afterRollup: rollups already cover what comes before, so no earlier sample holds at the start. */
  raw: (range: Interval, afterRollup: boolean) => T[];
  rollup: (level: 'minute' | 'hour', range: Interval) => T[];
}

/** Rollups lag behind now (minutes: ~2 min, hours: up to an hour): the tail comes from the next finer level. */
export function readAtResolution<T>(
  db: HistoryDb,
  range: Interval,
  resolution: Resolution,
  read: SeriesReaders<T>,
): T[] {
  if (resolution === 'raw') return read.raw(range, false);
  const minutesRolled = Number(readMeta(db, META_MINUTES_ROLLED) ?? 0) * MINUTE_MS;
  if (resolution === 'minute') {
    const split = Math.max(range.from, Math.min(range.to, minutesRolled));
    return [
      ...read.rollup('minute', { from: range.from, to: split }),
      ...read.raw({ from: split, to: range.to }, split > range.from),
    ];
  }
  const hoursRolled = Number(readMeta(db, META_HOURS_ROLLED) ?? 0) * HOUR_MS;
  const split = Math.max(range.from, Math.min(range.to, hoursRolled));
  return [
    ...read.rollup('hour', { from: range.from, to: split }),
    ...read.rollup('minute', { from: split, to: range.to }),
  ];
}

function rawSamples(db: HistoryDb, serverId: number, range: Interval, afterRollup = false): HistorySample[] {
  // The sample before the range holds at its start (unless rollups already cover what comes before).
  return readRaw<SampleDbRow>(rawReader(db, SERVER_RAW), serverId, range, afterRollup).map(toServerSample);
}

/** One sample per bucket: a stored run gives each bucket it stands for (rollup-table.ts). */
function rollupSamples(
  db: HistoryDb,
  table: RollupTable,
  serverId: number,
  range: Interval,
): HistorySample[] {
  return readBuckets<ServerRollupDbRow>(db, table, serverId, range).map((row) =>
    toServerRollupSample(row, table.bucketMs),
  );
}

function loadTransitions(db: HistoryDb, serverId: number, range: Interval): StatusChange[] {
  const rows = db
    .prepare('SELECT * FROM transitions WHERE server_id = ? AND at >= ? AND at < ? ORDER BY at, id')
    .all(serverId, range.from, range.to) as TransitionRow[];
  return rows.map(toStatusChange);
}
