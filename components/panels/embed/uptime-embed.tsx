'use client';

import type { UptimeBucketDto, UptimeDto } from '@/lib/api/history-dto';
import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { formatPct } from '../history/format';
import { UptimeLegend } from '../history/history-legend';
import { bucketCountFor } from '../history/history-query';
import { UptimeBar } from '../history/uptime-bar';
import { poolHref } from '../pools/pool-href';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';
import { backendHref } from './find-target';
import { useEmbedUptime } from './use-embed-data';

interface BarRow {
  name: string;
  uptimePct: number | null;
  buckets: readonly UptimeBucketDto[] | null;
}

type Rows =
  | { ok: true; title: string; subtitle: string; href: string; rows: BarRow[] }
  | { ok: false; message: string };

/** The rows the target has: one bar for a server or a backend; a pool's figure and a bar per server in it. */
function rowsFor(target: EmbedOptions['target'], data: UptimeDto): Rows {
  if (target.type === 'server') {
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
      href: backendHref(s.instance, s.backend, s.server),
      rows: [{ name: s.server, uptimePct: s.uptimePct, buckets: s.buckets }],
    };
  }
  if (target.type === 'backend') {
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
      href: backendHref(b.instance, b.backend),
      rows: [{ name: b.backend, uptimePct: b.uptimePct, buckets: b.buckets }],
    };
  }
  if (target.type === 'pool') {
    const pool = data.pools.find((p) => p.pool === target.pool);
    const servers = data.servers.filter((s) => s.pool === target.pool);
    if (!pool && servers.length === 0) return { ok: false, message: `No pool “${target.pool}”` };
    return {
      ok: true,
      title: `Pool ${target.pool}`,
      subtitle: `${formatPct(pool?.uptimePct)} up`,
      href: poolHref(target.pool),
      // The same server seen over two sources is two rows: the instance tells them apart.
      rows: servers.map((s) => ({
        name: `${s.instance}/${s.backend}/${s.server}`,
        uptimePct: s.uptimePct,
        buckets: s.buckets,
      })),
    };
  }
  return { ok: false, message: 'No target' };
}

/** Uptime bars over the range: a cell per time bucket coloured by its worst state, with the figure beside. */
export function UptimeEmbed({ options }: { options: EmbedOptions }) {
  const cells = bucketCountFor({ kind: 'preset', preset: options.range });
  const { data, error } = useEmbedUptime(options.range, cells, options.refreshSec * 1000);
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  const found = rowsFor(options.target, data);
  if (!found.ok) return <EmbedProblem title="Not found" problems={[found.message]} />;
  return (
    <EmbedCard
      title={found.title}
      subtitle={`${found.subtitle} · uptime, last ${options.range}`}
      href={found.href}
      showTitle={options.title}
      data-testid="embed-uptime"
    >
      <div className={styles.bars}>
        {found.rows.map((row) => (
          <div key={row.name} className={styles.barRow}>
            <span className={styles.barName}>{row.name}</span>
            <span className={`num ${styles.barPct}`} data-testid="embed-uptime-pct">
              {formatPct(row.uptimePct)}
            </span>
            <UptimeBar
              buckets={row.buckets}
              generatedUntil={data.generatedUntil}
              label={`${row.name} uptime, last ${options.range}`}
              placeholderCount={cells}
              size="sm"
            />
          </div>
        ))}
      </div>
      {options.legend ? <UptimeLegend generated={data.generatedUntil !== null} /> : null}
    </EmbedCard>
  );
}
