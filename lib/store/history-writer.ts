/** Every write the collector makes, as prepared statements; the recorder runs one poll's writes in one transaction. */
import type { StatusChange, StatusPoint } from '@/lib/health/history-types';
import type { TrafficSample } from '@/lib/health/rollup-samples';
import type { HistoryDb } from './db';
import { rewindRollups } from './rollup';
import { statusCode, toStatusPoint, transitionCode } from './status-codes';

export interface SampleRow extends TrafficSample {
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

export interface StoredInstance {
  id: number;
  process: { pid: number | null; uptimeSec: number | null; at: number } | null;
  coverage: { id: number; from: number; to: number } | null;
  servers: StoredServer[];
  backends: StoredBackend[];
}

export interface StoredBackend {
  id: number;
  name: string;
  goneAt: number | null;
}

/** In the order insertSample and insertBackendSample pass them. */
const TRAFFIC = `http_5xx_rate, connection_errors_rate, response_errors_rate, response_ms, total_ms, bytes_in_rate,
  bytes_out_rate`;

export class HistoryWriter {
  private readonly s;

  constructor(readonly db: HistoryDb) {
    this.s = {
      findInstance: db.prepare('SELECT id, pid, uptime_sec, info_at FROM instances WHERE name = ?'),
      insertInstance: db.prepare('INSERT INTO instances (name) VALUES (?)'),
      lastCoverage: db.prepare(
        'SELECT id, from_ms, to_ms FROM coverage WHERE instance_id = ? ORDER BY to_ms DESC LIMIT 1',
      ),
      servers: db.prepare(
        'SELECT id, backend, name, backup, pool, last_status, last_transition, gone_at FROM servers WHERE instance_id = ?',
      ),
      insertServer: db.prepare(
        `INSERT INTO servers (instance_id, backend, name, backup, pool, first_seen_at, first_status, first_transition,
           last_status, last_transition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateState: db.prepare('UPDATE servers SET last_status = ?, last_transition = ? WHERE id = ?'),
      updateMeta: db.prepare('UPDATE servers SET backup = ?, pool = ? WHERE id = ?'),
      setGone: db.prepare('UPDATE servers SET gone_at = ? WHERE id = ?'),
      startCoverage: db.prepare('INSERT INTO coverage (instance_id, from_ms, to_ms) VALUES (?, ?, ?)'),
      extendCoverage: db.prepare('UPDATE coverage SET to_ms = ? WHERE id = ?'),
      insertSample: db.prepare(
        `INSERT OR REPLACE INTO samples (server_id, at, status, transition, check_duration_ms, sessions, queue, rate, stot,
           chkfail, chkdown, downtime, ${TRAFFIC}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      backends: db.prepare('SELECT id, name, gone_at FROM backends WHERE instance_id = ?'),
      insertBackend: db.prepare('INSERT INTO backends (instance_id, name, first_seen_at) VALUES (?, ?, ?)'),
      setBackendGone: db.prepare('UPDATE backends SET gone_at = ? WHERE id = ?'),
      insertBackendSample: db.prepare(
        `INSERT OR REPLACE INTO backend_samples (backend_id, at, sessions, rate, ${TRAFFIC})
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertTransition: db.prepare(
        `INSERT INTO transitions (server_id, at, precision_ms, kind, from_status, from_transition, to_status,
           to_transition, check_status, check_code, check_desc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      recordInfo: db.prepare('UPDATE instances SET pid = ?, uptime_sec = ?, info_at = ? WHERE id = ?'),
      insertReload: db.prepare('INSERT OR IGNORE INTO reloads (instance_id, at, pid) VALUES (?, ?, ?)'),
    };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Polls from before `from` are about to be written late: their minutes and hours are rolled up again. */
  rewindRollups(from: number): void {
    rewindRollups(this.db, from);
  }

  /** The instance's row (created when new), its last coverage interval and its servers' last known states. */
  loadInstance(name: string): StoredInstance {
    let row = this.s.findInstance.get(name) as
      { id: number; pid: number | null; uptime_sec: number | null; info_at: number | null } | undefined;
    if (!row) {
      const id = Number(this.s.insertInstance.run(name).lastInsertRowid);
      row = { id, pid: null, uptime_sec: null, info_at: null };
    }
    const coverage = this.s.lastCoverage.get(row.id) as
      { id: number; from_ms: number; to_ms: number } | undefined;
    const servers = (this.s.servers.all(row.id) as ServerRow[]).map(toStoredServer);
    const backends = this.s.backends.all(row.id) as { id: number; name: string; gone_at: number | null }[];
    return {
      id: row.id,
      process: row.info_at === null ? null : { pid: row.pid, uptimeSec: row.uptime_sec, at: row.info_at },
      coverage: coverage ? { id: coverage.id, from: coverage.from_ms, to: coverage.to_ms } : null,
      servers,
      backends: backends.map((b) => ({ id: b.id, name: b.name, goneAt: b.gone_at })),
    };
  }

  insertServer(
    instanceId: number,
    server: { backend: string; name: string; backup: boolean; pool: string | null },
    at: number,
    point: StatusPoint,
  ): number {
    const status = statusCode(point.status);
    const transition = transitionCode(point.transition);
    const { backend, name, backup, pool } = server;
    return Number(
      this.s.insertServer.run(
        instanceId,
        backend,
        name,
        backup ? 1 : 0,
        pool,
        at,
        status,
        transition,
        status,
        transition,
      ).lastInsertRowid,
    );
  }

  updateServerState(id: number, point: StatusPoint): void {
    this.s.updateState.run(statusCode(point.status), transitionCode(point.transition), id);
  }

  updateServerMeta(id: number, backup: boolean, pool: string | null): void {
    this.s.updateMeta.run(backup ? 1 : 0, pool, id);
  }

  setGone(id: number, at: number | null): void {
    this.s.setGone.run(at, id);
  }

  startCoverage(instanceId: number, at: number): number {
    return Number(this.s.startCoverage.run(instanceId, at, at).lastInsertRowid);
  }

  extendCoverage(coverageId: number, to: number): void {
    this.s.extendCoverage.run(to, coverageId);
  }

  insertSample(serverId: number, at: number, r: SampleRow): void {
    this.s.insertSample.run(
      serverId,
      at,
      r.status,
      r.transition,
      r.checkDurationMs,
      r.sessions,
      r.queue,
      r.rate,
      r.stot,
      r.chkfail,
      r.chkdown,
      r.downtime,
      r.http5xxRate,
      r.connectionErrorsRate,
      r.responseErrorsRate,
      r.responseMs,
      r.totalMs,
      r.bytesInRate,
      r.bytesOutRate,
    );
  }

  insertBackend(instanceId: number, name: string, at: number): number {
    return Number(this.s.insertBackend.run(instanceId, name, at).lastInsertRowid);
  }

  setBackendGone(id: number, at: number | null): void {
    this.s.setBackendGone.run(at, id);
  }

  insertBackendSample(backendId: number, at: number, r: BackendSampleRow): void {
    this.s.insertBackendSample.run(
      backendId,
      at,
      r.sessions,
      r.rate,
      r.http5xxRate,
      r.connectionErrorsRate,
      r.responseErrorsRate,
      r.responseMs,
      r.totalMs,
      r.bytesInRate,
      r.bytesOutRate,
    );
  }

  insertTransition(serverId: number, change: StatusChange): void {
    this.s.insertTransition.run(
      serverId,
      change.at,
      Math.round(change.precisionMs),
      change.kind,
      change.from ? statusCode(change.from.status) : null,
      change.from ? transitionCode(change.from.transition) : null,
      statusCode(change.to.status),
      transitionCode(change.to.transition),
      change.checkStatus,
      change.checkCode,
      change.description,
    );
  }

  recordProcess(instanceId: number, pid: number | null, uptimeSec: number | null, at: number): void {
    this.s.recordInfo.run(pid, uptimeSec, at, instanceId);
  }

  insertReload(instanceId: number, at: number, pid: number | null): void {
    this.s.insertReload.run(instanceId, at, pid);
  }
}

interface ServerRow {
  id: number;
  backend: string;
  name: string;
  backup: number;
  pool: string | null;
  last_status: number;
  last_transition: number;
  gone_at: number | null;
}

function toStoredServer(row: ServerRow): StoredServer {
  return {
    id: row.id,
    backend: row.backend,
    name: row.name,
    backup: row.backup === 1,
    pool: row.pool,
    last: toStatusPoint(row.last_status, row.last_transition),
    goneAt: row.gone_at,
  };
}
