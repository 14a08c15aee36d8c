/** The alert rules: from one moment's health to the conditions that hold. Pure; thresholds come in settings. */
import { flapsOfBackend, type FlapState, type ReadonlyFlapBook } from '@/lib/health/flapping';
import { backendKey } from '@/lib/health/server-key';
import type { Backend, Server, TrafficRates } from '@/lib/health/types';
import { http5xxCondition, responseTimeCondition, type TrafficRuleSettings } from './traffic-rules';
import { alertTarget, type AlertCondition } from './types';
import { lbDisagreeConditions, viewsOf, type ViewRuleSettings } from './view-rules';

export interface AlertSettings extends TrafficRuleSettings, ViewRuleSettings {
  /** A server DOWN (not MAINT/DRAIN) for longer than this fires. */
  downGraceMs: number;
  backupOnlyGraceMs: number;
  /** A backend without any usable server: the most urgent alert, with a short grace against blips. */
  backendDownGraceMs: number;
  sourceErrorGraceMs: number;
  /** Pool check-latency p95 above this fires. */
  latencyP95Ms: number;
  /** This many flapping servers in one pool make one "pool unstable" alert over them. */
  poolUnstableServers: number;
  pollIntervalMs: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  downGraceMs: 10_000,
  backupOnlyGraceMs: 10_000,
  backendDownGraceMs: 4_000,
  sourceErrorGraceMs: 0,
  latencyP95Ms: 500,
  poolUnstableServers: 2,
  pollIntervalMs: 2000,
  http5xxPct: 5,
  http5xxMinRate: 0.1,
  http5xxGraceMs: 10_000,
  responseTimeMs: 1000,
  responseTimeGraceMs: 10_000,
  lbDisagreeGraceMs: 30_000,
};

/** What the pool rules read of a pool. */
export interface PoolFacts {
  name: string;
  /** Only pools known from Kubernetes can tell whether Traefik runs locally. */
  traefikLocal: boolean | null;
  checkLatencyMs: { p95: number | null };
}

export interface AlertRuleInputs {
  sources: readonly { name: string; ok: boolean; error: string | null }[];
  /** One source's backends per HAProxy process (the counted sources): each server once per load balancer. */
  backends: readonly Backend[];
  flaps: ReadonlyFlapBook;
  pools: readonly PoolFacts[];
  /**
   * Each backend's HTTP responses per second over the last minute (response-window.ts), by backendKey; the
   * http-5xx rule judges those. A backend missing here is judged by its last poll interval's rates.
   */
  responseRates?: ReadonlyMap<string, TrafficRates>;
}

export function evaluateAlertRules(inputs: AlertRuleInputs, settings: AlertSettings): AlertCondition[] {
  const flapping = findFlapping(inputs);
  const views = viewsOf(inputs.sources, inputs.backends);
  const conditions = [
    ...sourceRules(inputs, settings),
    ...backendRules(inputs, settings, new Set(flapping.map((entry) => entry.server))),
    ...flapRules(flapping, settings),
    ...poolRules(inputs, settings),
    ...lbDisagreeConditions(views, settings),
  ];
  return views.length < 2 ? conditions : conditions.map(namingTheView);
}

/** With two load balancers, each one's alert about a server or backend says whose view it is. */
function namingTheView(condition: AlertCondition): AlertCondition {
  const { kind, target } = condition;
  const perView = kind === 'down' || kind === 'backup-only' || kind === 'flapping';
  if (!perView || target.instance === null || target.backend === null) return condition;
  return { ...condition, summary: `${target.instance}: ${condition.summary}` };
}

interface FlappingServer {
  backend: Backend;
  server: Server;
  flap: FlapState;
}

/** One pass over every server: the only place the rules look flap states up. */
function findFlapping({ backends, flaps }: AlertRuleInputs): FlappingServer[] {
  const found: FlappingServer[] = [];
  for (const backend of backends) {
    const byServer = flapsOfBackend(flaps, backend.instance, backend.name);
    if (!byServer) continue;
    for (const server of backend.servers) {
      const flap = byServer.get(server.name);
      if (flap?.flapping) found.push({ backend, server, flap });
    }
  }
  return found;
}

function sourceRules({ sources }: AlertRuleInputs, settings: AlertSettings): AlertCondition[] {
  return sources
    .filter((source) => !source.ok && source.error !== null)
    .map((source) => ({
      id: `source-error:${source.name}`,
      kind: 'source-error',
      severity: 'critical',
      target: alertTarget({ instance: source.name }),
      summary: `source ${source.name} cannot be polled: ${source.error}`,
      graceMs: settings.sourceErrorGraceMs,
      groupId: null,
    }));
}

function backendRules(
  { backends, responseRates }: AlertRuleInputs,
  settings: AlertSettings,
  flapping: ReadonlySet<Server>,
): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  for (const backend of backends) {
    const where = alertTarget({ instance: backend.instance, backend: backend.name });
    const flappingId = (server: Server) =>
      flapping.has(server) ? flapAlertId(backend.instance, backend.name, server.name) : null;
    // A backend that is down or on backups because one of its servers flaps is that flap's consequence.
    const backendCause = () => backend.servers.map(flappingId).find((id) => id !== null) ?? null;
    if (backend.noUsableServer) {
      conditions.push({
        id: `down:${backend.instance}/${backend.name}`,
        kind: 'down',
        severity: 'critical',
        target: where,
        summary: `${backend.name} has no usable server (${backend.activeTotal} active, ${backend.backupTotal} backup, none UP)`,
        graceMs: settings.backendDownGraceMs,
        groupId: backendCause(),
      });
    } else if (backend.servingFromBackup) {
      conditions.push({
        id: `backup-only:${backend.instance}/${backend.name}`,
        kind: 'backup-only',
        severity: 'warning',
        target: where,
        summary: `${backend.name} is serving from backup: 0/${backend.activeTotal} active up, ${backend.backupUp}/${backend.backupTotal} backup up`,
        graceMs: settings.backupOnlyGraceMs,
        groupId: backendCause(),
      });
    }
    const rates = responseRates?.get(backendKey(backend.instance, backend.name)) ?? backend.rates;
    const errors = http5xxCondition(backend, rates, settings);
    if (errors) conditions.push(errors);
    for (const server of backend.servers) {
      if (server.status === 'DOWN') {
        conditions.push({
          id: `down:${backend.instance}/${backend.name}/${server.name}`,
          kind: 'down',
          severity: server.backup ? 'warning' : 'critical',
          target: alertTarget({
            instance: backend.instance,
            backend: backend.name,
            server: server.name,
            pool: server.pool,
          }),
          summary: `${server.name}${inPool(server)} is DOWN${checkText(server)}`,
          graceMs: settings.downGraceMs,
          groupId: flappingId(server),
        });
      }
      const slow = responseTimeCondition(backend, server, settings);
      if (slow) conditions.push(slow);
    }
  }
  return conditions;
}

function flapRules(flapping: readonly FlappingServer[], settings: AlertSettings): AlertCondition[] {
  // Distinct servers: two load balancers (or an HTTP and a socket source) seeing one flapping server count it once.
  const byPool = new Map<string, Set<string>>();
  for (const { backend, server } of flapping) {
    if (server.pool)
      byPool.set(server.pool, (byPool.get(server.pool) ?? new Set()).add(`${backend.name}/${server.name}`));
  }
  const unstablePools = [...byPool]
    .map(([pool, servers]) => [pool, servers.size] as const)
    .filter(([, count]) => count >= settings.poolUnstableServers);
  const poolConditions: AlertCondition[] = unstablePools.map(([pool, count]) => ({
    id: `flapping:pool:${pool}`,
    kind: 'flapping',
    severity: 'critical',
    target: alertTarget({ pool }),
    summary: `pool ${pool} unstable: ${count} servers flapping`,
    graceMs: 0,
    groupId: null,
  }));
  const unstable = new Set(unstablePools.map(([pool]) => pool));
  const serverConditions: AlertCondition[] = flapping.map(({ backend, server, flap }) => ({
    id: flapAlertId(backend.instance, backend.name, server.name),
    kind: 'flapping',
    severity: 'warning',
    target: alertTarget({
      instance: backend.instance,
      backend: backend.name,
      server: server.name,
      pool: server.pool,
    }),
    summary: `${server.name}${inPool(server)} flapped ${flap.changes} times in ${windowText(flap, settings)}${checkText(server)}`,
    graceMs: 0,
    groupId: server.pool && unstable.has(server.pool) ? `flapping:pool:${server.pool}` : null,
  }));
  return [...poolConditions, ...serverConditions];
}

function poolRules({ pools }: AlertRuleInputs, settings: AlertSettings): AlertCondition[] {
  const conditions: AlertCondition[] = [];
  for (const pool of pools) {
    if (pool.traefikLocal === false) {
      conditions.push({
        id: `no-local-traefik:${pool.name}`,
        kind: 'no-local-traefik',
        severity: 'warning',
        target: alertTarget({ pool: pool.name }),
        summary: `pool ${pool.name} has no Ready Traefik: its svclb pods forward to Traefik in another location`,
        graceMs: 0,
        groupId: null,
      });
    }
    if (pool.checkLatencyMs.p95 !== null && pool.checkLatencyMs.p95 > settings.latencyP95Ms) {
      conditions.push({
        id: `latency:${pool.name}`,
        kind: 'latency',
        severity: 'warning',
        target: alertTarget({ pool: pool.name }),
        summary: `pool ${pool.name} check latency p95 ${pool.checkLatencyMs.p95} ms (threshold ${settings.latencyP95Ms} ms)`,
        graceMs: 0,
        groupId: null,
      });
    }
  }
  return conditions;
}

const flapAlertId = (instance: string, backend: string, server: string) =>
  `flapping:${instance}/${backend}/${server}`;
const inPool = (server: Server) => (server.pool ? ` in ${server.pool}` : '');

function checkText(server: Server): string {
  const { status, code, description } = server.check;
  if (!status) return '';
  const detail = [status, code ?? ''].join(' ').trim();
  return `, check ${detail}${description && !code ? ` (${description})` : ''}`;
}

function windowText(flap: FlapState, settings: AlertSettings): string {
  const seconds = Math.round((flap.states.length * settings.pollIntervalMs) / 1000);
  return seconds >= 120 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
}
