/** The backend page's uptime rows from an uptime answer filtered to that backend: its servers (backups last), the backend. Pure. */
import type { UptimeDto } from '@/lib/api/history-dto';
import type { UptimeRowData } from './server-uptime-list';

export interface BackendUptimeRows {
  servers: UptimeRowData[];
  backendRow: UptimeRowData | null;
}

export function toBackendUptimeRows(
  dto: UptimeDto | undefined,
  instance: string,
  backend: string,
): BackendUptimeRows {
  const own = (dto?.servers ?? []).filter((s) => s.instance === instance && s.backend === backend);
  const servers = own
    .map((s) => ({
      name: s.server,
      backup: s.backup,
      uptimePct: s.uptimePct,
      downtimeSec: s.downtimeSec,
      buckets: s.buckets,
    }))
    .sort((a, b) => Number(a.backup) - Number(b.backup) || a.name.localeCompare(b.name));
  const group = dto?.backends.find((b) => b.instance === instance && b.backend === backend);
  const backendRow = group
    ? {
        name: '',
        backup: false,
        uptimePct: group.uptimePct,
        downtimeSec: group.downtimeSec,
        buckets: group.buckets,
      }
    : null;
  return { servers, backendRow };
}

/** The server the charts show: the one asked for when the backend has it, else the first (or the one asked for while loading). */
export function selectedServer(asked: string | null, servers: readonly UptimeRowData[]): string | null {
  if (asked && servers.some((s) => s.name === asked)) return asked;
  return servers[0]?.name ?? asked;
}
