/**
 * One poll's writes, as the recorder makes them (history-recorder.ts), kept to hand to the store at once. A row
 * the poll creates gets a provisional id (negative) that later writes of the poll may use; once the store has the
 * poll, whoever created the row is told its stored id.
 */
import type { StatusChange, StatusPoint } from '@/lib/health/history-types';
import type { BackendSampleRow, HistoryWrite, NewServer, SampleRow, StoredIds } from '@/lib/store';

type Stored = (id: number) => void;

export class PollJournal {
  readonly writes: HistoryWrite[] = [];
  private lastRef = 0;
  private readonly created: { ref: number; stored: Stored }[] = [];

  /** The store wrote the poll: every row created in it learns its stored id. */
  stored(ids: StoredIds): void {
    for (const { ref, stored } of this.created) stored(ids.get(ref)!);
  }

  startCoverage(instanceId: number, at: number, stored: Stored): number {
    const ref = this.create(stored);
    this.writes.push({ kind: 'start-coverage', ref, instanceId, at });
    return ref;
  }

  extendCoverage(coverageId: number, to: number): void {
    this.writes.push({ kind: 'extend-coverage', coverageId, to });
  }

  recordProcess(instanceId: number, pid: number | null, uptimeSec: number | null, at: number): void {
    this.writes.push({ kind: 'process', instanceId, pid, uptimeSec, at });
  }

  insertReload(instanceId: number, at: number, pid: number | null): void {
    this.writes.push({ kind: 'reload', instanceId, at, pid });
  }

  insertServer(
    instanceId: number,
    server: NewServer,
    at: number,
    point: StatusPoint,
    stored: Stored,
  ): number {
    const ref = this.create(stored);
    const { backend, name, backup, pool } = server;
    this.writes.push({ kind: 'server', ref, instanceId, server: { backend, name, backup, pool }, at, point });
    return ref;
  }

  updateServerState(serverId: number, point: StatusPoint): void {
    this.writes.push({ kind: 'server-state', serverId, point });
  }

  updateServerMeta(serverId: number, backup: boolean, pool: string | null): void {
    this.writes.push({ kind: 'server-meta', serverId, backup, pool });
  }

  setGone(serverId: number, at: number | null): void {
    this.writes.push({ kind: 'server-gone', serverId, at });
  }

  insertSample(serverId: number, at: number, row: SampleRow): void {
    this.writes.push({ kind: 'sample', serverId, at, row });
  }

  insertTransition(serverId: number, change: StatusChange): void {
    this.writes.push({ kind: 'transition', serverId, change });
  }

  insertBackend(instanceId: number, name: string, at: number, stored: Stored): number {
    const ref = this.create(stored);
    this.writes.push({ kind: 'backend', ref, instanceId, name, at });
    return ref;
  }

  setBackendGone(backendId: number, at: number | null): void {
    this.writes.push({ kind: 'backend-gone', backendId, at });
  }

  insertBackendSample(backendId: number, at: number, row: BackendSampleRow): void {
    this.writes.push({ kind: 'backend-sample', backendId, at, row });
  }

  private create(stored: Stored): number {
    const ref = --this.lastRef;
    this.created.push({ ref, stored });
    return ref;
  }
}
