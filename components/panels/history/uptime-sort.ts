/** The uptime page's rows: backends with their servers, sorted by name or by uptime (worst first). Pure. */
import type { UptimeDto } from '@/lib/api/history-dto';

export type UptimeSort = 'name' | 'uptime';
export type SortDir = 'asc' | 'desc';

export type UptimeServer = UptimeDto['servers'][number];
export type UptimeBackend = UptimeDto['backends'][number];

export interface UptimeGroup {
  key: string;
  backend: UptimeBackend;
  servers: UptimeServer[];
}

/** null (nothing to compare) sorts after every figure in either direction. */
function compareBy(sort: UptimeSort, dir: SortDir) {
  const sign = dir === 'asc' ? 1 : -1;
  return (a: { name: string; pct: number | null }, b: { name: string; pct: number | null }) => {
    if (sort === 'uptime') {
      if (a.pct === null || b.pct === null) {
        if (a.pct !== b.pct) return a.pct === null ? 1 : -1;
      } else if (a.pct !== b.pct) return sign * (a.pct - b.pct);
    }
    return (sort === 'name' ? sign : 1) * a.name.localeCompare(b.name);
  };
}

export function toUptimeGroups(dto: UptimeDto, sort: UptimeSort, dir: SortDir): UptimeGroup[] {
  const cmp = compareBy(sort, dir);
  const byKey = new Map<string, UptimeServer[]>();
  for (const s of dto.servers) {
    const key = `${s.instance}/${s.backend}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return dto.backends
    .map((backend) => {
      const key = `${backend.instance}/${backend.backend}`;
      const servers = [...(byKey.get(key) ?? [])].sort((a, b) =>
        cmp({ name: a.server, pct: a.uptimePct }, { name: b.server, pct: b.uptimePct }),
      );
      return { key, backend, servers };
    })
    .sort((a, b) =>
      cmp({ name: a.key, pct: a.backend.uptimePct }, { name: b.key, pct: b.backend.uptimePct }),
    );
}
