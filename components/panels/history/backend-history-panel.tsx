'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useEvents } from '../../hooks/use-events';
import { useServerHistory } from '../../hooks/use-server-history';
import { useUptime } from '../../hooks/use-uptime';
import { EmptyState } from '../../ui/empty-state';
import { ShareButton } from '../share/share-button';
import { backendShareChoices, preferring, serverShareChoices } from '../share/share-choices';
import { EventsList } from './events-list';
import { GeneratedBanner } from './generated-banner';
import { HistoryCharts } from './history-charts';
import { UptimeLegend } from './history-legend';
import { bucketCountFor, rangeSpanMs } from './history-query';
import { describeRange } from './range-label';
import styles from './history.module.css';
import { RangePicker } from './range-picker';
import { ServerUptimeList, type UptimeRowData } from './server-uptime-list';
import { useHistoryQuery } from './use-history-query';
import { useUptimeFigures } from './use-uptime-figures';

export interface BackendHistoryPanelProps {
  instance: string;
  backend: string;
}

/** One backend's history: uptime bars and figures per server, charts of the selected server, its events. */
export function BackendHistoryPanel({ instance, backend }: BackendHistoryPanelProps) {
  const [query, setQuery] = useHistoryQuery('24h');
  const { range } = query;
  const cells = bucketCountFor(range);
  const uptime = useUptime(range, { buckets: cells });
  const figures = useUptimeFigures(instance, backend);
  const events = useEvents(range, 1000);

  const { servers, backendRow } = useMemo(() => {
    const own = (uptime.data?.servers ?? []).filter((s) => s.instance === instance && s.backend === backend);
    const rows: UptimeRowData[] = own
      .map((s) => ({
        name: s.server,
        backup: s.backup,
        uptimePct: s.uptimePct,
        downtimeSec: s.downtimeSec,
        buckets: s.buckets,
      }))
      .sort((a, b) => Number(a.backup) - Number(b.backup) || a.name.localeCompare(b.name));
    const group = uptime.data?.backends.find((b) => b.instance === instance && b.backend === backend);
    const backendRow: UptimeRowData | null = group
      ? {
          name: '',
          backup: false,
          uptimePct: group.uptimePct,
          downtimeSec: group.downtimeSec,
          buckets: group.buckets,
        }
      : null;
    return { servers: rows, backendRow };
  }, [uptime.data, instance, backend]);

  const selected =
    query.server && servers.some((s) => s.name === query.server)
      ? query.server
      : (servers[0]?.name ?? query.server);
  const history = useServerHistory(selected ? { instance, backend, server: selected } : null, range);
  const backendEvents = useMemo(
    () => events.data?.events.filter((e) => e.instance === instance && e.backend === backend),
    [events.data, instance, backend],
  );
  const generatedUntil = uptime.data?.generatedUntil ?? null;
  const label = describeRange(range);
  const withDate = rangeSpanMs(range) > 20 * 3_600_000;

  return (
    <div className={styles.page} data-testid="backend-history">
      <header className={styles.header}>
        <div>
          <p className={styles.crumbs}>
            <Link href="/">Overview</Link> / <span>{instance}</span>
          </p>
          <h1 className={styles.h1}>{backend}</h1>
        </div>
        <RangePicker range={range} onChange={(next) => setQuery({ range: next })} />
      </header>
      <GeneratedBanner generatedUntil={generatedUntil} />
      {uptime.error && !uptime.data ? (
        <EmptyState title="Cannot load the history" tone="error">
          <p>{uptime.error.message}. Retrying automatically.</p>
        </EmptyState>
      ) : uptime.data && servers.length === 0 ? (
        <EmptyState title="No history for this backend" data-testid="no-history">
          <p>
            Nothing was recorded for {backend} on {instance} in the {label}. Check the name, or pick a longer
            range.
          </p>
        </EmptyState>
      ) : null}
      <section className={styles.card} aria-labelledby="uptime-h">
        <div className={styles.cardHead}>
          <h2 id="uptime-h">Uptime</h2>
          <UptimeLegend generated={generatedUntil !== null} />
          <ShareButton
            label={`${backend} uptime`}
            choices={preferring(backendShareChoices(instance, backend), 'uptime')}
          />
        </div>
        <ServerUptimeList
          backendRow={backendRow}
          servers={servers}
          figures={figures}
          generatedUntil={generatedUntil}
          rangeLabel={label}
          rangeShort={range.kind === 'preset' ? range.preset : 'custom'}
          placeholderCount={cells}
          selected={selected}
          onSelect={(server) => setQuery({ server })}
        />
      </section>
      <section className={styles.card} aria-labelledby="charts-h">
        <div className={styles.cardHead}>
          <h2 id="charts-h">
            {selected ?? 'Server'} <span className={styles.muted}>· {label}</span>
          </h2>
          {selected ? (
            <ShareButton
              label={`${selected} charts`}
              choices={serverShareChoices(instance, backend, selected)}
            />
          ) : null}
          {servers.length > 1 ? (
            <label className={styles.select}>
              Server{' '}
              <select
                value={selected ?? ''}
                onChange={(e) => setQuery({ server: e.target.value })}
                data-testid="server-select"
              >
                {servers.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                    {s.backup ? ' (backup)' : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        <HistoryCharts history={history.data} />
      </section>
      <section className={styles.card} aria-labelledby="events-h">
        <div className={styles.cardHead}>
          <h2 id="events-h">Downtime and state changes</h2>
          <span className={styles.muted}>{label}</span>
        </div>
        <EventsList
          events={backendEvents}
          withDate={withDate}
          selectedServer={selected}
          loading={events.isLoading}
        />
      </section>
    </div>
  );
}
