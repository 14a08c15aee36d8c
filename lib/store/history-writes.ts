/**
 * What recording writes (store.ts, `recording`): the rows of one poll, as plain data. The recorder
 * (lib/history/server/history-recorder.ts) decides what to write; the store writes a poll's writes in one
 * transaction. A row the poll creates (a new server, backend or coverage interval) is named, until it is stored,
 * by a provisional id: a negative number that later writes of the same poll may use, and that the store maps to
 * the stored id.
 */
import type { StatusChange, StatusPoint } from '@/lib/health/history-types';
import type { TrafficSample } from '@/lib/health/rollup-samples';

export interface SampleRow extends TrafficSample {
  /** status-codes.ts */
  status: number;
  transition: number;
  checkDurationMs: number | null;
  sessions: number;
  queue: number;
  rate: number;
  stot: number;
  chkfail: number;
  chkdown: number;
  downtime: number | null;
}

/** A backend's own HAProxy row: its sessions, session rate and traffic. */
export interface BackendSampleRow extends TrafficSample {
  sessions: number;
  rate: number;
}

export interface StoredServer {
  id: number;
  backend: string;
  name: string;
  backup: boolean;
  pool: string | null;
  last: StatusPoint;
  goneAt: number | null;
}

export interface StoredBackend {
  id: number;
  name: string;
  goneAt: number | null;
}

/** An instance as recording left it: what the recorder starts from after a restart. */
export interface StoredInstance {
  id: number;
  process: { pid: number | null; uptimeSec: number | null; at: number } | null;
  coverage: { id: number; from: number; to: number } | null;
  servers: StoredServer[];
  backends: StoredBackend[];
}

export interface NewServer {
  backend: string;
  name: string;
  backup: boolean;
  pool: string | null;
}

/**
 * One write of a poll, in the order the recorder made it. `ref` is the provisional id of the row it creates; an
 * id field holds a stored id or the provisional id of a row created earlier in the same poll.
 */
export type HistoryWrite =
  | { kind: 'start-coverage'; ref: number; instanceId: number; at: number }
  | { kind: 'extend-coverage'; coverageId: number; to: number }
  | { kind: 'process'; instanceId: number; pid: number | null; uptimeSec: number | null; at: number }
  | { kind: 'reload'; instanceId: number; at: number; pid: number | null }
  | { kind: 'server'; ref: number; instanceId: number; server: NewServer; at: number; point: StatusPoint }
  | { kind: 'server-state'; serverId: number; point: StatusPoint }
  | { kind: 'server-meta'; serverId: number; backup: boolean; pool: string | null }
  | { kind: 'server-gone'; serverId: number; at: number | null }
  | { kind: 'sample'; serverId: number; at: number; row: SampleRow }
  | { kind: 'transition'; serverId: number; change: StatusChange }
  | { kind: 'backend'; ref: number; instanceId: number; name: string; at: number }
  | { kind: 'backend-gone'; backendId: number; at: number | null }
  | { kind: 'backend-sample'; backendId: number; at: number; row: BackendSampleRow };

/** Provisional id → stored id, of every row a poll's writes created. */
export type StoredIds = ReadonlyMap<number, number>;
