/** Reshapes raw stats rows into the health model: backends with their servers. Pure and single-pass. */
import { isUsable, normalizeServerStatus } from '@/lib/health/server-status';
import { emptyBackend } from '@/lib/health/empty-backend';
import type { Backend, Server } from '@/lib/health/types';
import { STAT_TYPE, type HaproxyStatRow } from './types';

export function toBackends(rows: readonly HaproxyStatRow[], instance: string): Backend[] {
  const byName = new Map<string, Backend>();
  const backendOf = (name: string): Backend => {
    let backend = byName.get(name);
    if (!backend) {
      backend = emptyBackend(instance, name);
      byName.set(name, backend);
    }
    return backend;
  };
  for (const row of rows) {
    if (row.type === STAT_TYPE.server) backendOf(row.pxname).servers.push(toServer(row));
    else if (row.type === STAT_TYPE.backend) applyBackendRow(backendOf(row.pxname), row);
  }
  const backends = [...byName.values()];
  for (const backend of backends) countUsable(backend);
  return backends;
}

export function toServer(row: HaproxyStatRow): Server {
  const { status, transition } = normalizeServerStatus(row.status);
  const rawCheckStatus = row.check_status.trim();
  const inProgress = rawCheckStatus.startsWith('* ');
  return {
    name: row.svname,
    address: row.addr || null,
    status,
    transition,
    statusText: row.status,
    backup: row.bck === '1',
    weight: toInt(row.weight),
    check: {
      status: (inProgress ? rawCheckStatus.slice(2) : rawCheckStatus) || null,
      inProgress,
      code: toIntOrNull(row.check_code) || null, // 0 while a check is in progress
      durationMs: toIntOrNull(row.check_duration),
      description: row.check_desc || null,
      lastCheck: row.last_chk || null,
      rise: toIntOrNull(row.check_rise),
      fall: toIntOrNull(row.check_fall),
      health: toIntOrNull(row.check_health),
    },
    lastChangeSec: toIntOrNull(row.lastchg),
    downtimeSec: toIntOrNull(row.downtime),
    checkFailures: toInt(row.chkfail),
    checkDowns: toInt(row.chkdown),
    queue: { current: toInt(row.qcur), max: toInt(row.qmax) },
    sessions: {
      current: toInt(row.scur),
      max: toInt(row.smax),
      limit: toIntOrNull(row.slim),
      total: toInt(row.stot),
    },
    sessionRate: { current: toInt(row.rate), max: toInt(row.rate_max) },
    node: null,
    pool: null,
  };
}

function applyBackendRow(backend: Backend, row: HaproxyStatRow): void {
  backend.status = row.status;
  backend.sessions = { current: toInt(row.scur), max: toInt(row.smax), limit: toIntOrNull(row.slim) };
  backend.sessionRate = { current: toInt(row.rate), max: toInt(row.rate_max) };
  backend.queue = { current: toInt(row.qcur), max: toInt(row.qmax) };
}

/** HAProxy's backend status stays UP while only backups serve; the counts tell the real story. */
function countUsable(backend: Backend): void {
  for (const server of backend.servers) {
    const usable = isUsable(server.status, server.weight);
    if (server.backup) {
      backend.backupTotal++;
      if (usable) backend.backupUp++;
    } else {
      backend.activeTotal++;
      if (usable) backend.activeUp++;
    }
  }
  backend.servingFromBackup = backend.activeTotal > 0 && backend.activeUp === 0 && backend.backupUp > 0;
  backend.noUsableServer = backend.servers.length > 0 && backend.activeUp + backend.backupUp === 0;
}

function toInt(text: string): number {
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : 0;
}

function toIntOrNull(text: string): number | null {
  if (text === '') return null;
  const value = Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : null;
}
