'use client';

import type { EmbedOptions } from '@/lib/embeds/embed-params';
import { bucketCountFor } from '../../hooks/range-pace';
import { useUptime } from '../../hooks/use-uptime';
import { formatPct } from '../../ui/format';
import { UptimeLegend } from '../history/history-legend';
import { UptimeBar } from '../history/uptime-bar';
import { EmbedCard, EmbedLoading, EmbedProblem } from './embed-card';
import styles from './embed.module.css';
import { uptimeFilterFor, uptimeRowsFor } from './uptime-embed-rows';

/** Uptime bars over the range: a cell per time bucket coloured by its worst state, with the figure beside. */
export function UptimeEmbed({ options }: { options: EmbedOptions }) {
  const range = { kind: 'preset', preset: options.range } as const;
  const cells = bucketCountFor(range);
  const { data, error } = useUptime(range, {
    buckets: cells,
    filter: uptimeFilterFor(options.target),
    refreshMs: options.refreshSec * 1000,
  });
  if (!data)
    return error ? (
      <EmbedProblem title="Cannot reach hapscope" problems={[error.message]} />
    ) : (
      <EmbedLoading />
    );
  const found = uptimeRowsFor(options.target, data);
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
