/**
 * What an uptime embed shows for its target: one bar for a server or a backend; a pool's figure and a bar per
 * server in it. The API is asked for the target's backend or pool only (uptimeFilterFor). Pure.
 */
import type { UptimeBucketDto, UptimeDto } from '@/lib/api/history-dto';
import { backendHref, poolHref, serverHref, type HistoryFilter } from '@/lib/api/urls';
import type { EmbedTarget } from '@/lib/embeds/embed-params';
import { formatPct } from '../../ui/format';

export interface BarRow {
  name: string;
  uptimePct: number | null;
  buckets: readonly UptimeBucketDto[] | null;
}

export type UptimeRows =
  | { ok: true; title: string; subtitle: string; href: string; rows: BarRow[] }
  | { ok: false; message: string };

export function uptimeFilterFor(target: EmbedTarget): Omit<HistoryFilter, 'server'> {
  if (target.type === 'pool') return { pool: target.pool };
  if (target.type === 'none') return {};
  return { instance: target.instance, backend: target.backend };
}

export function uptimeRowsFor(target: EmbedTarget, data: UptimeDto): UptimeRows {
  if (target.type === 'server') return serverRows(target, data);
  if (target.type === 'backend') return backendRows(target, data);
  if (target.type === 'pool') return poolRows(target.pool, data);
  return { ok: false, message: 'No target' };
}

function serverRows(target: Extract<EmbedTarget, { type: 'server' }>, data: UptimeDto): UptimeRows {
  const s = data.servers.find(
    (x) => x.instance === target.instance && x.backend === target.backend && x.server === target.server,
  );
  if (!s)
    return {
      ok: false,
      message: `No history for server “${target.server}” in backend “${target.backend}” on instance “${target.instance}”`,
    };
  return {
    ok: true,
    title: s.server,
    subtitle: `${s.backend} · ${s.instance}`,
    href: serverHref(s),
    rows: [{ name: s.server, uptimePct: s.uptimePct, buckets: s.buckets }],
  };
}

function backendRows(target: Extract<EmbedTarget, { type: 'backend' }>, data: UptimeDto): UptimeRows {
  const b = data.backends.find((x) => x.instance === target.instance && x.backend === target.backend);
  if (!b)
    return {
      ok: false,
      message: `No history for backend “${target.backend}” on instance “${target.instance}”`,
    };
  return {
    ok: true,
    title: b.backend,
    subtitle: b.instance,
    href: backendHref(b),
    rows: [{ name: b.backend, uptimePct: b.uptimePct, buckets: b.buckets }],
  };
}

function poolRows(name: string, data: UptimeDto): UptimeRows {
  const pool = data.pools.find((p) => p.pool === name);
  const servers = data.servers.filter((s) => s.pool === name);
  if (!pool && servers.length === 0) return { ok: false, message: `No pool “${name}”` };
  return {
    ok: true,
    title: `Pool ${name}`,
    subtitle: `${formatPct(pool?.uptimePct)} up`,
    href: poolHref(name),
    // The same server seen over two sources is two rows: the instance tells them apart.
    rows: servers.map((s) => ({
      name: `${s.instance}/${s.backend}/${s.server}`,
      uptimePct: s.uptimePct,
      buckets: s.buckets,
    })),
  };
}
