'use client';

import { useState } from 'react';
import type { UptimeBucketDto } from '@/lib/api/history-dto';
import { formatDuration, formatPct } from '../../ui/format';
import styles from './history.module.css';
import { UptimeBar } from './uptime-bar';

export const FIGURE_RANGES = ['1h', '24h', '7d', '30d'] as const;
export type FigureRange = (typeof FIGURE_RANGES)[number];

export interface UptimeRowData {
  name: string;
  backup: boolean;
  uptimePct: number | null;
  downtimeSec: number;
  buckets: readonly UptimeBucketDto[] | null;
}

export interface ServerUptimeListProps {
  backendRow: UptimeRowData | null;
  servers: readonly UptimeRowData[];
  /** Uptime % per fixed range and server name (the backend under ''); undefined while loading. */
  figures: Partial<Record<FigureRange, ReadonlyMap<string, number | null>>>;
  generatedUntil: string | null;
  /** "last 24h" or a custom span, for labels. */
  rangeLabel: string;
  /** "24h" or "custom", for the selected range's column. */
  rangeShort: string;
  placeholderCount: number;
  selected: string | null;
  onSelect: (server: string) => void;
}

function Figures({ name, figures }: { name: string; figures: ServerUptimeListProps['figures'] }) {
  return FIGURE_RANGES.map((range) => (
    <span key={range} role="cell" className={`num ${styles.figure}`} data-testid={`uptime-${range}`}>
      {figures[range] ? formatPct(figures[range].get(name)) : '…'}
    </span>
  ));
}

/** Per server (and the backend as a whole): an uptime bar over the selected range and 1h/24h/7d/30d figures. */
export function ServerUptimeList(props: ServerUptimeListProps) {
  const {
    backendRow,
    servers,
    figures,
    generatedUntil,
    rangeLabel,
    rangeShort,
    placeholderCount,
    selected,
    onSelect,
  } = props;
  const [readout, setReadout] = useState<string | null>(null);
  return (
    <div>
      <div role="table" aria-label="Uptime per server" className={styles.uptimeGrid}>
        <div role="row" className={styles.uptimeHead}>
          <span role="columnheader">Server</span>
          <span role="columnheader">{rangeLabel}</span>
          <span role="columnheader" className={styles.figure}>
            {rangeShort}
          </span>
          {FIGURE_RANGES.map((range) => (
            <span key={range} role="columnheader" className={styles.figure}>
              {range}
            </span>
          ))}
        </div>
        {backendRow ? (
          <div role="row" className={styles.uptimeRow} data-testid="backend-uptime" data-kind="backend">
            <span role="rowheader" className={styles.rowName}>
              <strong>Backend</strong>
              <span
                className={styles.muted}
                title="Up while a usable server is up; degraded while only backups serve"
              >
                any server
              </span>
            </span>
            <span role="cell">
              <UptimeBar
                buckets={backendRow.buckets}
                generatedUntil={generatedUntil}
                label={`Backend uptime, ${rangeLabel}`}
                placeholderCount={placeholderCount}
                data-testid="uptime-bar-backend"
                onActiveChange={(label) => setReadout(label && `Backend · ${label}`)}
              />
            </span>
            <span role="cell" className={`num ${styles.figure} ${styles.strong}`}>
              {formatPct(backendRow.uptimePct)}
            </span>
            <Figures name="" figures={figures} />
          </div>
        ) : null}
        {servers.map((server) => (
          <div
            role="row"
            key={server.name}
            className={styles.uptimeRow}
            data-selected={server.name === selected ? 'true' : undefined}
            data-testid={`server-uptime-${server.name}`}
          >
            <span role="rowheader" className={styles.rowName}>
              <button
                type="button"
                className={styles.serverButton}
                aria-pressed={server.name === selected}
                onClick={() => onSelect(server.name)}
                title={`Show ${server.name} in the charts`}
              >
                {server.name}
              </button>
              {server.backup ? <span className={styles.backupTag}>backup</span> : null}
            </span>
            <span role="cell">
              <UptimeBar
                buckets={server.buckets}
                generatedUntil={generatedUntil}
                label={`${server.name} uptime, ${rangeLabel}`}
                placeholderCount={placeholderCount}
                data-testid={`uptime-bar-${server.name}`}
                onActiveChange={(label) => setReadout(label && `${server.name} · ${label}`)}
              />
            </span>
            <span
              role="cell"
              className={`num ${styles.figure} ${styles.strong}`}
              title={`down ${formatDuration(server.downtimeSec)}`}
            >
              {formatPct(server.uptimePct)}
            </span>
            <Figures name={server.name} figures={figures} />
          </div>
        ))}
      </div>
      <p className={styles.readout} aria-hidden="true" data-testid="uptime-readout">
        {readout ?? 'Hover a cell, or focus a bar and use the arrow keys, for its times, state and cause.'}
      </p>
    </div>
  );
}
