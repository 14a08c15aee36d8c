/** Counts for the summary bar: servers per look, backends by how they serve, sources failing. */
import type { InstanceDto } from '@/lib/api/snapshot-dto';
import type { Backend } from '@/lib/health/types';
import { isBackendProblem, isServerProblem, lookOf, type StatusLook } from '../server-table/status';

export const SERVER_LOOKS = [
  'up',
  'going-down',
  'down',
  'going-up',
  'maint',
  'drain',
  'nolb',
  'nocheck',
] as const satisfies readonly StatusLook[];
export type ServerLook = (typeof SERVER_LOOKS)[number];

export interface OverviewSummary {
  servers: number;
  byLook: Record<ServerLook, number>;
  backends: number;
  backendsFromBackup: number;
  backendsNoServer: number;
  /** Backends that are a problem themselves (from backup, no server, DOWN). */
  backendsProblem: number;
  /** Servers that are not plain UP or no-check. */
  serversProblem: number;
  sources: number;
  sourcesFailing: number;
}

/** Whether two summaries hold the same counts: the page keeps the one it has, and what shows it is not redrawn. */
export function sameSummary(a: OverviewSummary, b: OverviewSummary): boolean {
  for (const key of Object.keys(a) as (keyof OverviewSummary)[]) {
    if (key !== 'byLook' && a[key] !== b[key]) return false;
  }
  return (Object.keys(a.byLook) as ServerLook[]).every((look) => a.byLook[look] === b.byLook[look]);
}

/**
 * The counts of servers and backends: they change with states, not with figures. Only the sources in `counted` are
 * counted: of two sources reading one HAProxy process, one (lib/health/same-process.ts), so no server counts twice.
 */
export function countRows(
  allBackends: readonly Backend[],
  counted: ReadonlySet<string>,
): Omit<OverviewSummary, 'sources' | 'sourcesFailing'> {
  const byLook = Object.fromEntries(SERVER_LOOKS.map((look) => [look, 0])) as Record<ServerLook, number>;
  const backends = allBackends.filter((b) => counted.has(b.instance));
  let servers = 0;
  let serversProblem = 0;
  for (const backend of backends) {
    for (const server of backend.servers) {
      byLook[lookOf(server.status, server.transition) as ServerLook] += 1;
      servers += 1;
      if (isServerProblem(server)) serversProblem += 1;
    }
  }
  return {
    servers,
    byLook,
    backends: backends.length,
    backendsFromBackup: backends.filter((b) => b.servingFromBackup).length,
    backendsNoServer: backends.filter((b) => b.noUsableServer).length,
    backendsProblem: backends.filter(isBackendProblem).length,
    serversProblem,
  };
}

export function countSources(
  instances: readonly InstanceDto[],
): Pick<OverviewSummary, 'sources' | 'sourcesFailing'> {
  return { sources: instances.length, sourcesFailing: instances.filter((i) => !i.ok).length };
}
