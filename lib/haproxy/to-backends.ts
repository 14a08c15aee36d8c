/** Reshapes raw stats rows into the health model: frontends with their listeners, backends with their servers. Pure and single-pass. */
import { isUsable, normalizeServerStatus } from '@/lib/health/server-status';
import { emptyBackend } from '@/lib/health/empty-backend';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { Backend, Frontend, Listener, ProxyTimes, Server, TrafficCounters } from '@/lib/health/types';
import { STAT_TYPE, type HaproxyStatRow } from './types';

export interface Proxies {
  backends: Backend[];
  frontends: Frontend[];
}

export function toBackends(rows: readonly HaproxyStatRow[], instance: string): Backend[] {
  return toProxies(rows, instance).backends;
}

export function toProxies(rows: readonly HaproxyStatRow[], instance: string): Proxies {
  const byName = new Map<string, Backend>();
  const frontends = new Map<string, Frontend>();
  const listenersOf = new Map<string, Listener[]>();
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
    else if (row.type === STAT_TYPE.frontend) frontends.set(row.pxname, toFrontend(row, instance));
    else if (row.type === STAT_TYPE.listener) {
      const listeners = listenersOf.get(row.pxname) ?? [];
      listeners.push(toListener(row));
      listenersOf.set(row.pxname, listeners);
    }
  }
  const backends = [...byName.values()];
  for (const backend of backends) countUsable(backend);
  for (const [name, listeners] of listenersOf) {
    const frontend = frontends.get(name);
    if (frontend) frontend.listeners = listeners;
  }
  return { backends, frontends: [...frontends.values()] };
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
    queue: { current: toInt(row.qcur), max: toInt(row.qmax), limit: toIntOrNull(row.qlimit) },
    sessions: sessionsOf(row),
    sessionRate: { current: toInt(row.rate), max: toInt(row.rate_max) },
    lbTotal: toInt(row.lbtot),
    lastSessionSec: lastSessionOf(row),
    throttlePct: toIntOrNull(row.throttle),
    counters: countersOf(row),
    rates: noTraffic(),
    times: timesOf(row),
    node: null,
    pool: null,
  };
}

function applyBackendRow(backend: Backend, row: HaproxyStatRow): void {
  backend.status = row.status;
  backend.sessions = sessionsOf(row);
  backend.sessionRate = { current: toInt(row.rate), max: toInt(row.rate_max) };
  backend.queue = { current: toInt(row.qcur), max: toInt(row.qmax) };
  backend.lastChangeSec = toIntOrNull(row.lastchg);
  backend.downtimeSec = toIntOrNull(row.downtime);
  backend.lbTotal = toInt(row.lbtot);
  backend.lastSessionSec = lastSessionOf(row);
  backend.counters = countersOf(row);
  backend.times = timesOf(row);
}

function toFrontend(row: HaproxyStatRow, instance: string): Frontend {
  return {
    instance,
    name: row.pxname,
    status: row.status,
    mode: row.mode || null,
    sessions: sessionsOf(row),
    // HAProxy writes rate_lim 0 for a frontend without `rate-limit sessions` (its HTML page shows "-").
    sessionRate: {
      current: toInt(row.rate),
      max: toInt(row.rate_max),
      limit: toIntOrNull(row.rate_lim) || null,
    },
    requestRate: { current: toIntOrNull(row.req_rate), max: toIntOrNull(row.req_rate_max) },
    counters: countersOf(row),
    rates: noTraffic(),
    listeners: [],
  };
}

function toListener(row: HaproxyStatRow): Listener {
  return {
    name: row.svname,
    status: row.status,
    address: row.addr || null,
    sessions: sessionsOf(row),
    counters: countersOf(row),
    rates: noTraffic(),
  };
}

function sessionsOf(row: HaproxyStatRow) {
  return {
    current: toInt(row.scur),
    max: toInt(row.smax),
    limit: toIntOrNull(row.slim),
    total: toInt(row.stot),
  };
}

/** HAProxy writes -1 for "never". */
function lastSessionOf(row: HaproxyStatRow): number | null {
  const value = toIntOrNull(row.lastsess);
  return value === null || value < 0 ? null : value;
}

function countersOf(row: HaproxyStatRow): TrafficCounters {
  return {
    requests: toIntOrNull(row.req_tot),
    bytesIn: toIntOrNull(row.bin),
    bytesOut: toIntOrNull(row.bout),
    deniedConnections: toIntOrNull(row.dcon),
    deniedSessions: toIntOrNull(row.dses),
    deniedRequests: toIntOrNull(row.dreq),
    deniedResponses: toIntOrNull(row.dresp),
    requestErrors: toIntOrNull(row.ereq),
    connectionErrors: toIntOrNull(row.econ),
    responseErrors: toIntOrNull(row.eresp),
    retries: toIntOrNull(row.wretr),
    redispatches: toIntOrNull(row.wredis),
    clientAborts: toIntOrNull(row.cli_abrt),
    serverAborts: toIntOrNull(row.srv_abrt),
    http1xx: toIntOrNull(row.hrsp_1xx),
    http2xx: toIntOrNull(row.hrsp_2xx),
    http3xx: toIntOrNull(row.hrsp_3xx),
    http4xx: toIntOrNull(row.hrsp_4xx),
    http5xx: toIntOrNull(row.hrsp_5xx),
    httpOther: toIntOrNull(row.hrsp_other),
  };
}

function timesOf(row: HaproxyStatRow): ProxyTimes {
  return {
    queueMs: toIntOrNull(row.qtime),
    connectMs: toIntOrNull(row.ctime),
    responseMs: toIntOrNull(row.rtime),
    totalMs: toIntOrNull(row.ttime),
  };
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
