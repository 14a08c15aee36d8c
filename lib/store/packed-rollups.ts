/** Each rollup table's packed days (packed-runs.ts): the table they go to and the fields, the codec's columns. */
import { BACKEND_CODEC } from './backend-rollup';
import { packedTable, type PackedTable } from './packed-runs';
import { HOUR_MS, MINUTE_MS, type RollupTable } from './rollup-table';
import { SERVER_CODEC } from './server-rollup';

export const PACKED_ROLLUPS: Record<RollupTable['name'], PackedTable> = {
  rollup_minute: packedTable('rollup_minute', MINUTE_MS, SERVER_CODEC.columns),
  rollup_hour: packedTable('rollup_hour', HOUR_MS, SERVER_CODEC.columns),
  backend_rollup_minute: packedTable('backend_rollup_minute', MINUTE_MS, BACKEND_CODEC.columns),
  backend_rollup_hour: packedTable('backend_rollup_hour', HOUR_MS, BACKEND_CODEC.columns),
};

/** meta: the first bucket retention keeps of each level (packed-runs.ts), epoch minutes and epoch hours. */
export const META_MINUTES_KEPT = 'rollup_minute_from';
export const META_HOURS_KEPT = 'rollup_hour_from';
export const keptKey = (table: RollupTable) =>
  table.bucketMs === MINUTE_MS ? META_MINUTES_KEPT : META_HOURS_KEPT;
/** meta: the day (epoch hours) runs are packed up to; a rewind that unpacks clears it, so maintenance looks again. */
export const META_RUNS_PACKED = 'rollups_packed_until';
