/**
 * Demo history: when the database holds none, a few hours of plausible polls (a flapping server, an outage, a
 * maintenance window, a short gap in polling; traffic with response times, errors and bytes) are recorded through
 * the real recorder, then rolled up. meta marks that history before `generated_history_until` is generated, so
 * the UI can say so.
 */
import { HistoryRecorder } from '@/lib/history/server/history-recorder';
import { noTraffic } from '@/lib/health/traffic-rates';
import type { Backend, ProxyTimes, Server, ServerStatus, TrafficRates } from '@/lib/health/types';
import { syntheticBackend, syntheticServer } from '@/lib/health/synthetic-server';
import { DEFAULT_RETENTION, META_GENERATED_UNTIL, type Store } from '@/lib/store';

const SEED_POLL_MS = 10_000;

export interface SeedServer {
  instance: string;
  backend: string;
  server: string;
  backup?: boolean;
  pool?: string | null;
}

interface Period {
  from: number;
  to: number;
  status: ServerStatus;
}

/** Returns the time history is generated until, or null when the store already had history. */
export async function seedGeneratedHistory(
  store: Pick<Store, 'history' | 'recording' | 'maintenance' | 'meta'>,
  topology: readonly SeedServer[],
  now: number,
  hours: number,
): Promise<number | null> {
  if (topology.length === 0 || (await store.history.recorded())) return null;
  if ((await store.meta.readMeta(META_GENERATED_UNTIL)) !== null) return null;
  const start = now - hours * 3_600_000;
  const plans = topology.map((s, i) => scenario(i, start, now));
  const recorder = new HistoryRecorder(store.recording, SEED_POLL_MS);
  const instances = [...new Set(topology.map((s) => s.instance))];
  const gap = { from: start + (now - start) * 0.8, to: start + (now - start) * 0.8 + 4 * 60_000 };
  let until = start;
  for (let at = start; at < now; at += SEED_POLL_MS) {
    for (const instance of instances) {
      const ok = !(instance === instances[0] && at >= gap.from && at < gap.to);
      const members = topology.map((s, i) => ({ s, i })).filter(({ s }) => s.instance === instance);
      const byBackend = new Map<string, ReturnType<typeof syntheticServer>[]>();
      for (const { s, i } of members) {
        const list = byBackend.get(s.backend) ?? [];
        list.push(serverAt(s, plans[i]!, at, i));
        byBackend.set(s.backend, list);
      }
      const backends = [...byBackend].map(([name, servers]) => backendAt(instance, name, servers));
      await recorder.record({ instance, at, ok, backends: ok ? backends : null, info: null });
    }
    until = at;
  }
  await store.maintenance.runNow(now, DEFAULT_RETENTION);
  await store.meta.writeMeta(META_GENERATED_UNTIL, String(until));
  return until;
}

/** Server 0 flaps for 20 minutes, server 1 has a 12-minute outage, server 2 a 30-minute maintenance window. */
function scenario(index: number, start: number, end: number): Period[] {
  const at = (fraction: number) => start + (end - start) * fraction;
  if (index === 0) {
    const periods: Period[] = [];
    for (let t = at(0.45) + 7_000, down = true; t < at(0.45) + 20 * 60_000; t += 45_000, down = !down) {
      if (down) periods.push({ from: t, to: t + 45_000, status: 'DOWN' });
    }
    return periods;
  }
  if (index === 1) return [{ from: at(0.6) + 3_000, to: at(0.6) + 12 * 60_000 + 3_000, status: 'DOWN' }];
  if (index === 2) return [{ from: at(0.3), to: at(0.3) + 30 * 60_000, status: 'MAINT' }];
  return [];
}

function serverAt(seed: SeedServer, periods: Period[], at: number, index: number) {
  const current = periods.find((p) => at >= p.from && at < p.to);
  const past = periods.filter((p) => p.to <= at);
  const lastChange = current?.from ?? past[past.length - 1]?.to ?? at - 3_600_000;
  const downs = periods.filter((p) => p.status === 'DOWN' && p.from <= at);
  const downtimeSec = downs.reduce((sum, p) => sum + (Math.min(at, p.to) - p.from) / 1000, 0);
  const wave = Math.sin(at / 600_000 + index) * 0.5 + 0.5;
  const status = current?.status ?? 'UP';
  const serving = status === 'UP';
  return syntheticServer(seed.server, {
    status,
    statusText: status,
    backup: seed.backup ?? false,
    pool: seed.pool ?? null,
    lastChangeSec: Math.floor((at - lastChange) / 1000),
    downtimeSec: Math.floor(downtimeSec),
    checkDowns: downs.length,
    sessions: {
      current: serving ? Math.round(wave * 8) : 0,
      max: 12,
      limit: null,
      total: Math.floor(at / 5_000),
    },
    sessionRate: { current: serving ? Math.round(wave * 5) : 0, max: 9 },
    ...trafficAt(serving, wave, index, status === 'UP' && flapping(periods, at)),
  });
}

/** The flapping server answers some 5xx and fails some connections around its flaps. */
const flapping = (periods: Period[], at: number) =>
  periods.length > 1 && at >= periods[0]!.from - 60_000 && at < periods[periods.length - 1]!.to + 60_000;

/** Traffic that follows the session wave: slower responses as load rises, bytes by the request. */
function trafficAt(serving: boolean, wave: number, index: number, erratic: boolean) {
  const requests = serving ? 2 + wave * 6 : 0;
  const responseMs = serving ? Math.round(25 + index * 6 + wave * 40 + (erratic ? 120 : 0)) : null;
  const rates: TrafficRates = {
    ...noTraffic(),
    requests,
    bytesIn: Math.round(requests * 700),
    bytesOut: Math.round(requests * (18_000 + index * 2_000)),
    http5xx: erratic ? 0.5 : serving && wave > 0.97 ? 0.1 : 0,
    connectionErrors: erratic ? 0.2 : 0,
    responseErrors: erratic ? 0.1 : 0,
  };
  const times: ProxyTimes = {
    queueMs: 0,
    connectMs: serving ? 1 : null,
    responseMs,
    totalMs: responseMs === null ? null : responseMs + Math.round(10 + wave * 25),
  };
  return { rates, times };
}

/**
 * The backend's own row sums its servers' traffic; with no server UP it answers clients with 503s itself, which
 * only its row counts.
 */
function backendAt(instance: string, name: string, servers: Server[]): Backend {
  const backend = syntheticBackend(instance, name, servers);
  const serving = servers.filter((s) => s.status === 'UP');
  const sum = (pick: (s: Server) => number | null) => servers.reduce((n, s) => n + (pick(s) ?? 0), 0);
  const mean = (pick: (s: Server) => number | null) =>
    serving.length === 0
      ? null
      : Math.round(serving.reduce((n, s) => n + (pick(s) ?? 0), 0) / serving.length);
  const own503 = serving.length === 0 ? 1.5 : 0;
  return {
    ...backend,
    sessions: { ...backend.sessions, current: sum((s) => s.sessions.current) },
    sessionRate: { ...backend.sessionRate, current: sum((s) => s.sessionRate.current) },
    rates: {
      ...noTraffic(),
      requests: sum((s) => s.rates.requests) + own503,
      bytesIn: sum((s) => s.rates.bytesIn),
      bytesOut: sum((s) => s.rates.bytesOut) + own503 * 200,
      http5xx: sum((s) => s.rates.http5xx) + own503,
      connectionErrors: sum((s) => s.rates.connectionErrors),
      responseErrors: sum((s) => s.rates.responseErrors),
    },
    times: {
      queueMs: 0,
      connectMs: mean((s) => s.times.connectMs),
      responseMs: mean((s) => s.times.responseMs),
      totalMs: mean((s) => s.times.totalMs),
    },
  };
}
