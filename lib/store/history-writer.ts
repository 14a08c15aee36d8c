/** Every write the collector makes, as prepared statements; one poll's writes run in one transaction. */
import type { StatusChange, StatusPoint } from '@/lib/health/history-types';
import type { HistoryDb } from './db';
import type {
  BackendSampleRow,
  HistoryWrite,
  NewServer,
  SampleRow,
  StoredIds,
  StoredInstance,
  StoredServer,
} from './history-writes';
import { rewindRollups } from './rollup';
import { statusCode, toStatusPoint, transitionCode } from './status-codes';

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

  /** One poll's writes, in their order, in one transaction; the stored ids of the rows they created. */
  writePoll(writes: readonly HistoryWrite[]): StoredIds {
    return this.transaction(() => {
      const stored = new Map<number, number>();
      const id = (ref: number) => (ref < 0 ? stored.get(ref)! : ref);
      for (const write of writes) {
        const created = this.apply(write, id);
        if ('ref' in write) stored.set(write.ref, created!);
      }
      return stored;
    });
  }

  private apply(w: HistoryWrite, id: (ref: number) => number): number | void {
    switch (w.kind) {
      case 'start-coverage':
        return this.startCoverage(w.instanceId, w.at);
      case 'extend-coverage':
        return this.extendCoverage(id(w.coverageId), w.to);
      case 'process':
        return this.recordProcess(w.instanceId, w.pid, w.uptimeSec, w.at);
      case 'reload':
        return this.insertReload(w.instanceId, w.at, w.pid);
      case 'server':
        return this.insertServer(w.instanceId, w.server, w.at, w.point);
      case 'server-state':
        return this.updateServerState(id(w.serverId), w.point);
      case 'server-meta':
        return this.updateServerMeta(id(w.serverId), w.backup, w.pool);
      case 'server-gone':
        return this.setGone(id(w.serverId), w.at);
      case 'sample':
        return this.insertSample(id(w.serverId), w.at, w.row);
      case 'transition':
        return this.insertTransition(id(w.serverId), w.change);
      case 'backend':
        return this.insertBackend(w.instanceId, w.name, w.at);
      case 'backend-gone':
        return this.setBackendGone(id(w.backendId), w.at);
      case 'backend-sample':
        return this.insertBackendSample(id(w.backendId), w.at, w.row);
    }
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

  insertServer(instanceId: number, server: NewServer, at: number, point: StatusPoint): number {
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
