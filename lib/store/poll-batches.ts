/**
 * One poll's writes (history-writes.ts), regrouped for a store that writes a batch per statement (the PostgreSQL
 * store: one multi-row statement per kind, not one per row). Rows the poll creates come first, so every later
 * write can name its stored id; of several updates of the same row and column the last wins, as it would one by
 * one; transitions keep their order. Pure.
 */
import type { StatusChange, StatusPoint } from '@/lib/health/history-types';
import type { BackendSampleRow, HistoryWrite, NewServer, SampleRow } from './history-writes';

type Keyed<T> = Map<string | number, T>;

export interface PollCreations {
  newCoverage: { ref: number; instanceId: number; at: number }[];
  newServers: { ref: number; instanceId: number; server: NewServer; at: number; point: StatusPoint }[];
  newBackends: { ref: number; instanceId: number; name: string; at: number }[];
}

export interface PollUpdates {
  /** By coverage id: the last `to`. */
  coverageEnds: Keyed<{ id: number; to: number }>;
  processes: Keyed<{ instanceId: number; pid: number | null; uptimeSec: number | null; at: number }>;
  reloads: { instanceId: number; at: number; pid: number | null }[];
  serverStates: Keyed<{ id: number; point: StatusPoint }>;
  serverMeta: Keyed<{ id: number; backup: boolean; pool: string | null }>;
  serverGone: Keyed<{ id: number; at: number | null }>;
  backendGone: Keyed<{ id: number; at: number | null }>;
  /** By server and time: a later sample at the same time replaces an earlier one. */
  samples: Keyed<{ serverId: number; at: number; row: SampleRow }>;
  backendSamples: Keyed<{ backendId: number; at: number; row: BackendSampleRow }>;
  transitions: { serverId: number; change: StatusChange }[];
}

/** The rows the poll creates, each named by its provisional id (`ref`). */
export function splitCreations(writes: readonly HistoryWrite[]): PollCreations {
  return {
    newCoverage: writes.flatMap((w) => (w.kind === 'start-coverage' ? [w] : [])),
    newServers: writes.flatMap((w) => (w.kind === 'server' ? [w] : [])),
    newBackends: writes.flatMap((w) => (w.kind === 'backend' ? [w] : [])),
  };
}

/**
 * Every write but the creations, grouped, once the creations are stored: `id` maps a provisional id to its stored
 * id (stored ids pass as they are).
 */
export function groupUpdates(writes: readonly HistoryWrite[], id: (ref: number) => number): PollUpdates {
  const batches: PollUpdates = {
    coverageEnds: new Map(),
    processes: new Map(),
    reloads: [],
    serverStates: new Map(),
    serverMeta: new Map(),
    serverGone: new Map(),
    backendGone: new Map(),
    samples: new Map(),
    backendSamples: new Map(),
    transitions: [],
  };
  const last = <T>(map: Keyed<T>, key: string | number, value: T) => {
    map.delete(key); // a key set again moves to the end: the order of first writes is kept otherwise
    map.set(key, value);
  };
  for (const w of writes) {
    switch (w.kind) {
      case 'extend-coverage':
        last(batches.coverageEnds, id(w.coverageId), { id: id(w.coverageId), to: w.to });
        break;
      case 'process':
        last(batches.processes, w.instanceId, w);
        break;
      case 'reload':
        batches.reloads.push(w);
        break;
      case 'server-state':
        last(batches.serverStates, id(w.serverId), { id: id(w.serverId), point: w.point });
        break;
      case 'server-meta':
        last(batches.serverMeta, id(w.serverId), { id: id(w.serverId), backup: w.backup, pool: w.pool });
        break;
      case 'server-gone':
        last(batches.serverGone, id(w.serverId), { id: id(w.serverId), at: w.at });
        break;
      case 'backend-gone':
        last(batches.backendGone, id(w.backendId), { id: id(w.backendId), at: w.at });
        break;
      case 'sample': {
        const serverId = id(w.serverId);
        last(batches.samples, `${serverId}/${w.at}`, { serverId, at: w.at, row: w.row });
        break;
      }
      case 'backend-sample': {
        const backendId = id(w.backendId);
        last(batches.backendSamples, `${backendId}/${w.at}`, { backendId, at: w.at, row: w.row });
        break;
      }
      case 'transition':
        batches.transitions.push({ serverId: id(w.serverId), change: w.change });
        break;
      default:
        break; // creations: splitCreations
    }
  }
  return batches;
}
