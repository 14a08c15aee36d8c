/**
 * How the PostgreSQL store's poll writer (postgres-poll-writer.ts) sends samples, backend samples and transitions:
 * each column with its type, for one multi-row statement per kind (postgres-unnest.ts).
 */
import type { StatusChange } from '@/lib/health/history-types';
import { TRAFFIC_KEYS } from '@/lib/health/rollup-samples';
import type { BackendSampleRow, SampleRow } from './history-writes';
import type { Column } from './postgres-unnest';
import { statusCode, transitionCode } from './status-codes';
import { TRAFFIC_COLUMNS } from './traffic-columns';

/** The traffic columns of a sample row, typed as stored (times in whole ms, rates as doubles). */
const trafficColumns = <T>(pick: (item: T) => BackendSampleRow): Column<T>[] =>
  TRAFFIC_KEYS.map((key) => ({
    name: TRAFFIC_COLUMNS[key],
    type: key === 'responseMs' || key === 'totalMs' ? 'int' : 'float8',
    value: (item: T) => pick(item)[key],
  }));

type Sample = { serverId: number; at: number; row: SampleRow };
export const SAMPLE_COLUMNS: Column<Sample>[] = [
  { name: 'server_id', type: 'int', value: (s) => s.serverId },
  { name: 'at', type: 'bigint', value: (s) => s.at },
  { name: 'status', type: 'smallint', value: (s) => s.row.status },
  { name: 'transition', type: 'smallint', value: (s) => s.row.transition },
  { name: 'check_duration_ms', type: 'int', value: (s) => s.row.checkDurationMs },
  { name: 'sessions', type: 'int', value: (s) => s.row.sessions },
  { name: 'queue', type: 'int', value: (s) => s.row.queue },
  { name: 'rate', type: 'int', value: (s) => s.row.rate },
  { name: 'stot', type: 'bigint', value: (s) => s.row.stot },
  { name: 'chkfail', type: 'int', value: (s) => s.row.chkfail },
  { name: 'chkdown', type: 'int', value: (s) => s.row.chkdown },
  { name: 'downtime', type: 'bigint', value: (s) => s.row.downtime },
  ...trafficColumns<Sample>((s) => s.row),
];

type BackendSample = { backendId: number; at: number; row: BackendSampleRow };
export const BACKEND_SAMPLE_COLUMNS: Column<BackendSample>[] = [
  { name: 'backend_id', type: 'int', value: (s) => s.backendId },
  { name: 'at', type: 'bigint', value: (s) => s.at },
  { name: 'sessions', type: 'int', value: (s) => s.row.sessions },
  { name: 'rate', type: 'int', value: (s) => s.row.rate },
  ...trafficColumns<BackendSample>((s) => s.row),
];

type Transition = { serverId: number; change: StatusChange };
export const TRANSITION_COLUMNS: Column<Transition>[] = [
  { name: 'server_id', type: 'int', value: (t) => t.serverId },
  { name: 'at', type: 'bigint', value: (t) => t.change.at },
  { name: 'precision_ms', type: 'int', value: (t) => Math.round(t.change.precisionMs) },
  { name: 'kind', type: 'text', value: (t) => t.change.kind },
  {
    name: 'from_status',
    type: 'smallint',
    value: (t) => (t.change.from ? statusCode(t.change.from.status) : null),
  },
  {
    name: 'from_transition',
    type: 'smallint',
    value: (t) => (t.change.from ? transitionCode(t.change.from.transition) : null),
  },
  { name: 'to_status', type: 'smallint', value: (t) => statusCode(t.change.to.status) },
  { name: 'to_transition', type: 'smallint', value: (t) => transitionCode(t.change.to.transition) },
  { name: 'check_status', type: 'text', value: (t) => t.change.checkStatus },
  { name: 'check_code', type: 'int', value: (t) => t.change.checkCode },
  { name: 'check_desc', type: 'text', value: (t) => t.change.description },
];

/** `ON CONFLICT … DO UPDATE` of every column but the key: a sample written again replaces the first. */
const replacing = (key: string, columns: readonly Column<unknown>[]) =>
  `ON CONFLICT (${key}, at) DO UPDATE SET ${columns
    .filter((c) => c.name !== key && c.name !== 'at')
    .map((c) => `${c.name} = excluded.${c.name}`)
    .join(', ')}`;
export const SAMPLE_CONFLICT = replacing('server_id', SAMPLE_COLUMNS as Column<unknown>[]);
export const BACKEND_SAMPLE_CONFLICT = replacing('backend_id', BACKEND_SAMPLE_COLUMNS as Column<unknown>[]);
