'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { HistoryRange } from '@/lib/api/urls';
import { bucketCountFor, rangeSpanMs } from '../../hooks/range-pace';
import { useEvents } from '../../hooks/use-events';
import { useRoutes } from '../../hooks/use-routes';
import { useServerHistory } from '../../hooks/use-server-history';
import { EmptyState } from '../../ui/empty-state';
import { BackendRoutesCard } from '../routes/backend-routes-card';
import { BackendTrafficSection } from './backend-traffic-section';
import { ShareButton } from '../share/share-button';
import { backendShareChoices, preferring, serverShareChoices } from '../share/share-choices';
import { EventsList } from './events-list';
import { needsDate } from './format';
import { GeneratedBanner } from './generated-banner';
import { HistoryCharts } from './history-charts';
import { UptimeLegend } from './history-legend';
import { describeRange } from './range-label';
import styles from './history.module.css';
import { RangePicker } from './range-picker';
import { ServerUptimeList, type UptimeRowData } from './server-uptime-list';
import { useHistoryQuery } from './use-history-query';
import { useBackendUptime, useUptimeFigures } from './use-uptime-figures';
import { selectedServer, toBackendUptimeRows } from './uptime-rows';

export interface BackendHistoryPanelProps {
  instance: string;
  backend: string;
}

/** Events are asked for this backend only; the list pages through them 25 at a time. */
const EVENTS_LIMIT = 1000;

/**
 * One backend's history: uptime bars and figures per server, the backend's own traffic, charts of the selected
 * server, its events. Every request is filtered to the backend by the API.
 */
export function BackendHistoryPanel({ instance, backend }: BackendHistoryPanelProps) {
  const [query, setQuery] = useHistoryQuery('24h');
  const { range } = query;
  const uptime = useBackendUptime(instance, backend, range);
  const rows = useMemo(
    () => toBackendUptimeRows(uptime.data, instance, backend),
    [uptime.data, instance, backend],
  );
  const selected = selectedServer(query.server, rows.servers);
  const generatedUntil = uptime.data?.generatedUntil ?? null;
  const label = describeRange(range);
  const routing = useRoutes(backend);

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
      <BackendRoutesCard backend={backend} routes={routing.data?.routes} />
      {uptime.error && !uptime.data ? (
        <EmptyState title="Cannot load the history" tone="error">
          <p>{uptime.error.message}. Retrying automatically.</p>
        </EmptyState>
      ) : uptime.data && rows.servers.length === 0 ? (
        <EmptyState title="No history for this backend" data-testid="no-history">
          <p>
            Nothing was recorded for {backend} on {instance} in the {label}. Check the name, or pick a longer
            range.
          </p>
        </EmptyState>
      ) : null}
      <UptimeSection
        instance={instance}
        backend={backend}
        range={range}
        rows={rows}
        generatedUntil={generatedUntil}
        selected={selected}
        onSelect={(server) => setQuery({ server })}
      />
      <BackendTrafficSection instance={instance} backend={backend} range={range} />
      <ChartsSection
        instance={instance}
        backend={backend}
        range={range}
        servers={rows.servers}
        selected={selected}
        onSelect={(server) => setQuery({ server })}
      />
      <EventsSection instance={instance} backend={backend} range={range} selected={selected} />
    </div>
  );
}

interface SectionProps {
  instance: string;
  backend: string;
  range: HistoryRange;
  selected: string | null;
}

function UptimeSection(
  props: SectionProps & {
    rows: ReturnType<typeof toBackendUptimeRows>;
    generatedUntil: string | null;
    onSelect: (server: string) => void;
  },
) {
  const { instance, backend, range, rows, generatedUntil } = props;
  const figures = useUptimeFigures(instance, backend);
  return (
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
        backendRow={rows.backendRow}
        servers={rows.servers}
        figures={figures}
        generatedUntil={generatedUntil}
        rangeLabel={describeRange(range)}
        rangeShort={range.kind === 'preset' ? range.preset : 'custom'}
        placeholderCount={bucketCountFor(range)}
        selected={props.selected}
        onSelect={props.onSelect}
      />
    </section>
  );
}

/** The selected server's charts, with a picker when the backend has more than one server. */
function ChartsSection(
  props: SectionProps & { servers: readonly UptimeRowData[]; onSelect: (server: string) => void },
) {
  const { instance, backend, range, servers, selected } = props;
  const history = useServerHistory(selected ? { instance, backend, server: selected } : null, range);
  return (
    <section className={styles.card} aria-labelledby="charts-h">
      <div className={styles.cardHead}>
        <h2 id="charts-h">
          {selected ?? 'Server'} <span className={styles.muted}>· {describeRange(range)}</span>
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
              onChange={(e) => props.onSelect(e.target.value)}
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
  );
}

function EventsSection({ instance, backend, range, selected }: SectionProps) {
  const events = useEvents(range, { limit: EVENTS_LIMIT, filter: { instance, backend } });
  return (
    <section className={styles.card} aria-labelledby="events-h">
      <div className={styles.cardHead}>
        <h2 id="events-h">Downtime and state changes</h2>
        <span className={styles.muted}>{describeRange(range)}</span>
      </div>
      <EventsList
        events={events.data?.events}
        withDate={needsDate(0, rangeSpanMs(range))}
        selectedServer={selected}
        loading={events.isLoading}
      />
    </section>
  );
}
