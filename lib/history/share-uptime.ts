/**
 * What a share link may read of GET /api/v1/uptime: the uptime panel's own target. A pool or backend share reads
 * its filter as is; a server's share reads its backend's query (what the uptime embed asks) cut down to that one
 * server. Pure.
 */
import type { ShareScope } from '@/lib/access/identity';
import { shareReadsApi } from '@/lib/access/share-reads';
import type { UptimeDto } from '@/lib/api/history-dto';

export interface UptimeQueryFilter {
  instance?: string;
  backend?: string;
  pool?: string;
}

/** The share target key a query is about: `pool:p`, `instance/backend`, or `*` (the whole fleet). */
export function uptimeTarget({ instance, backend, pool }: UptimeQueryFilter): string {
  if (pool) return `pool:${pool}`;
  return instance && backend ? `${instance}/${backend}` : '*';
}

const serverOf = (scope: ShareScope, target: string): string | null => {
  const prefix = `${target}/`;
  const rest = scope.target.startsWith(prefix) ? scope.target.slice(prefix.length) : null;
  return rest && !rest.includes('/') ? rest : null;
};

export function shareReadsUptime(scope: ShareScope, filter: UptimeQueryFilter): boolean {
  if (!shareReadsApi(scope, 'uptime', null)) return false;
  const target = uptimeTarget(filter);
  if (scope.target === '*' || scope.target === target) return true;
  return target !== '*' && !target.startsWith('pool:') && serverOf(scope, target) !== null;
}

/** A server's share sees its server's row only: no backend row, no pools. */
export function narrowUptime(dto: UptimeDto, scope: ShareScope, filter: UptimeQueryFilter): UptimeDto {
  const server = serverOf(scope, uptimeTarget(filter));
  if (server === null) return dto;
  return { ...dto, servers: dto.servers.filter((row) => row.server === server), backends: [], pools: [] };
}
