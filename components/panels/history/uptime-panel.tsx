'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import type { UptimeDto } from '@/lib/api/history-dto';
import { backendHref, serverHref, type HistoryRange } from '@/lib/api/urls';
import { bucketCountFor } from '../../hooks/range-pace';
import { useUptime } from '../../hooks/use-uptime';
import { EmptyState } from '../../ui/empty-state';
import { formatDuration, formatPct } from '../../ui/format';
import { SortHeader } from '../../ui/sort-header';
import { GeneratedBanner } from './generated-banner';
import { UptimeLegend } from './history-legend';
import styles from './history.module.css';
import { RangePicker } from './range-picker';
import { describeRange } from './range-label';
import { UptimeBar } from './uptime-bar';
import { toUptimeGroups, type SortDir, type UptimeGroup, type UptimeSort } from './uptime-sort';
import table from './uptime-table.module.css';
import { useHistoryQuery } from './use-history-query';

type SortState = { by: UptimeSort; dir: SortDir };

/** Every backend and server with its uptime over the selected range, sortable; pools when there are any. */
export function UptimePanel() {
  const [query, setQuery] = useHistoryQuery('24h');
  const { range } = query;
  const { data, error } = useUptime(range, { buckets: bucketCountFor(range) });
  const label = describeRange(range);
  const generatedUntil = data?.generatedUntil ?? null;

  return (
    <div className={styles.page} data-testid="uptime-page">
      <header className={styles.header}>
        <h1 className={styles.h1}>
          Uptime <span className={styles.muted}>· {label}</span>
        </h1>
        <RangePicker range={range} onChange={(next) => setQuery({ range: next })} />
      </header>
      <GeneratedBanner generatedUntil={generatedUntil} />
      {error && !data ? (
        <EmptyState title="Cannot load uptime" tone="error">
          <p>{error.message}. Retrying automatically.</p>
        </EmptyState>
      ) : null}
      <section className={styles.card} aria-labelledby="backends-h">
        <div className={styles.cardHead}>
          <h2 id="backends-h">Backends and servers</h2>
          <UptimeLegend generated={generatedUntil !== null} />
        </div>
        <UptimeTable data={data} range={range} />
      </section>
      {data && data.pools.length > 0 ? <PoolUptimes pools={data.pools} /> : null}
    </div>
  );
}

/** The sortable grid: a header, placeholders while loading, then a row group per backend. */
function UptimeTable({ data, range }: { data: UptimeDto | undefined; range: HistoryRange }) {
  const [sort, setSort] = useState<SortState>({ by: 'uptime', dir: 'asc' });
  const groups = useMemo(() => (data ? toUptimeGroups(data, sort.by, sort.dir) : null), [data, sort]);
  const label = describeRange(range);
  const cells = bucketCountFor(range);
  const onSort = (by: UptimeSort) =>
    setSort((s) => ({ by, dir: s.by === by ? (s.dir === 'asc' ? 'desc' : 'asc') : 'asc' }));
  return (
    <div role="table" aria-label="Uptime per backend and server" className={table.grid}>
      <div role="row" className={table.head}>
        <SortHeader
          label="Name"
          active={sort.by === 'name' ? sort.dir : null}
          onSort={() => onSort('name')}
          testId="sort-name"
        />
        <SortHeader label={label} />
        <SortHeader
          label="Uptime"
          active={sort.by === 'uptime' ? sort.dir : null}
          onSort={() => onSort('uptime')}
          align="end"
          title="Up ÷ (up + down); planned time (MAINT, DRAIN) is left out"
          testId="sort-uptime"
        />
        <SortHeader label="Down" align="end" title="Time DOWN in the range (planned time not counted)" />
      </div>
      {groups === null
        ? Array.from({ length: 4 }, (_, i) => (
            <div role="row" key={i} className={table.row}>
              <span role="cell" />
              <span role="cell">
                <UptimeBar buckets={null} generatedUntil={null} label="loading" placeholderCount={cells} />
              </span>
            </div>
          ))
        : null}
      {groups?.length === 0 ? (
        <p className={styles.muted} data-testid="uptime-empty">
          Nothing recorded in the {label} yet.
        </p>
      ) : null}
      {groups?.map((group) => (
        <BackendGroup
          key={group.key}
          group={group}
          range={range}
          generatedUntil={data?.generatedUntil ?? null}
        />
      ))}
    </div>
  );
}

/** A backend's row, then one row per server, each linking to the backend page at the same range. */
function BackendGroup({
  group: { backend, servers },
  range,
  generatedUntil,
}: {
  group: UptimeGroup;
  range: HistoryRange;
  generatedUntil: string | null;
}) {
  const label = describeRange(range);
  const cells = bucketCountFor(range);
  return (
    <div role="rowgroup" data-testid={`uptime-backend-${backend.instance}-${backend.backend}`}>
      <div role="row" className={table.row} data-kind="backend">
        <span role="rowheader" className={table.name}>
          <Link href={backendHref(backend, { range })}>{backend.backend}</Link>
          <span className={styles.muted}>{backend.instance}</span>
        </span>
        <span role="cell">
          <UptimeBar
            buckets={backend.buckets}
            generatedUntil={generatedUntil}
            label={`${backend.backend} on ${backend.instance}, ${label}`}
            placeholderCount={cells}
          />
        </span>
        <span role="cell" className={`num ${styles.figure} ${styles.strong}`}>
          {formatPct(backend.uptimePct)}
        </span>
        <span role="cell" className={`num ${styles.figure}`}>
          {formatDuration(backend.downtimeSec)}
        </span>
      </div>
      {servers.map((s) => (
        <div role="row" key={s.server} className={table.row} data-testid={`uptime-server-${s.server}`}>
          <span role="rowheader" className={`${table.name} ${table.indent}`}>
            <Link href={serverHref(s, { range })}>{s.server}</Link>
            {s.backup ? <span className={styles.backupTag}>backup</span> : null}
          </span>
          <span role="cell">
            <UptimeBar
              buckets={s.buckets}
              generatedUntil={generatedUntil}
              label={`${s.server} in ${s.backend}, ${label}`}
              placeholderCount={cells}
              size="sm"
            />
          </span>
          <span role="cell" className={`num ${styles.figure}`}>
            {formatPct(s.uptimePct)}
          </span>
          <span role="cell" className={`num ${styles.figure}`}>
            {formatDuration(s.downtimeSec)}
          </span>
        </div>
      ))}
    </div>
  );
}

function PoolUptimes({ pools }: { pools: UptimeDto['pools'] }) {
  return (
    <section className={styles.card} aria-labelledby="pools-h" data-testid="uptime-pools">
      <div className={styles.cardHead}>
        <h2 id="pools-h">Pools</h2>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Pool</th>
            <th scope="col" className={styles.end}>
              Uptime
            </th>
            <th scope="col" className={styles.end}>
              Down
            </th>
          </tr>
        </thead>
        <tbody>
          {pools.map((p) => (
            <tr key={p.pool}>
              <td>{p.pool}</td>
              <td className={`num ${styles.end}`}>{formatPct(p.uptimePct)}</td>
              <td className={`num ${styles.end}`}>{formatDuration(p.downtimeSec)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
