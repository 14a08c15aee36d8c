/**
 * The columns of the traffic figures servers and backends share (samples and rollups), named in the same words
 * as the domain: http5xxRate is http_5xx_rate, responseMaxMs is response_max_ms. One place maps between them.
 */
import {
  TRAFFIC_FIGURES,
  TRAFFIC_KEYS,
  type TrafficRollup,
  type TrafficSample,
} from '@/lib/health/rollup-samples';

export const TRAFFIC_COLUMNS = {
  http5xxRate: 'http_5xx_rate',
  connectionErrorsRate: 'connection_errors_rate',
  responseErrorsRate: 'response_errors_rate',
  responseMs: 'response_ms',
  totalMs: 'total_ms',
  bytesInRate: 'bytes_in_rate',
  bytesOutRate: 'bytes_out_rate',
} as const satisfies Record<keyof TrafficSample, string>;

const MAX_COLUMNS = {
  http5xxRateMax: 'http_5xx_rate_max',
  responseMaxMs: 'response_max_ms',
  totalMaxMs: 'total_max_ms',
} as const satisfies Record<Exclude<keyof TrafficRollup, keyof TrafficSample>, string>;

type MaxKey = keyof typeof MAX_COLUMNS;
const MAX_KEYS = Object.keys(MAX_COLUMNS) as MaxKey[];

/** A row read with the columns below: values by column name. */
export type TrafficDbRow = Record<string, unknown>;

/** For SELECT and INSERT column lists of samples, in TRAFFIC_KEYS order. */
export const TRAFFIC_SAMPLE_COLUMNS = TRAFFIC_KEYS.map((key) => TRAFFIC_COLUMNS[key]).join(', ');
/** For rollup column lists: the means, then the maxima, in the order of trafficRollupValues(). */
export const TRAFFIC_ROLLUP_COLUMNS = [
  ...TRAFFIC_KEYS.map((key) => TRAFFIC_COLUMNS[key]),
  ...MAX_KEYS.map((key) => MAX_COLUMNS[key]),
].join(', ');
export const TRAFFIC_SAMPLE_COUNT = TRAFFIC_KEYS.length;

export const trafficSampleValues = (t: TrafficSample): (number | null)[] => TRAFFIC_KEYS.map((key) => t[key]);
export const trafficRollupValues = (t: TrafficRollup): (number | null)[] => [
  ...TRAFFIC_KEYS.map((key) => t[key]),
  ...MAX_KEYS.map((key) => t[key]),
];

export function toTrafficSample(row: TrafficDbRow): TrafficSample {
  const sample = {} as TrafficSample;
  for (const key of TRAFFIC_KEYS) sample[key] = (row[TRAFFIC_COLUMNS[key]] as number | null) ?? null;
  return sample;
}

export function toTrafficRollup(row: TrafficDbRow): TrafficRollup {
  const rollup = toTrafficSample(row) as TrafficRollup;
  for (const key of MAX_KEYS) rollup[key] = (row[MAX_COLUMNS[key]] as number | null) ?? null;
  return rollup;
}

/** SQL rounding `expr` to `decimals` places, in the store's dialect. */
export type RoundSql = (expr: string, decimals: number) => string;
const sqliteRound: RoundSql = (expr, decimals) => `ROUND(${expr}, ${decimals})`;

/**
 * SELECT expressions rolling finer rollups into a coarser one, in TRAFFIC_ROLLUP_COLUMNS order and named after
 * them: each mean weighted by `weight` (the finer row's covered time) over the rows where it was known, maxima of
 * maxima.
 */
export function coarserTrafficSql(weight: string, round: RoundSql = sqliteRound): string {
  const means = TRAFFIC_KEYS.map((key) => {
    const column = TRAFFIC_COLUMNS[key];
    const known = `SUM(CASE WHEN ${column} IS NULL THEN NULL ELSE ${weight} END)`;
    // NULLIF: PostgreSQL refuses a division by zero, SQLite gives NULL.
    const mean = `SUM(${column} * (${weight})) / NULLIF(${known}, 0)`;
    return `${round(mean, TRAFFIC_FIGURES[key].decimals)} AS ${column}`;
  });
  const maxima = MAX_KEYS.map((key) => `MAX(${MAX_COLUMNS[key]}) AS ${MAX_COLUMNS[key]}`);
  return [...means, ...maxima].join(',\n       ');
}
