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
  const bar = { generatedUntil, rangeLabel, placeholderCount };
  return (
    <div>
      <div role="table" aria-label="Uptime per server" className={styles.uptimeGrid}>
        <HeadRow rangeLabel={rangeLabel} rangeShort={rangeShort} />
        {backendRow ? (
          <BackendUptimeRow
            row={backendRow}
            figures={figures}
            bar={bar}
            onReadout={(label) => setReadout(label && `Backend · ${label}`)}
          />
        ) : null}
        {servers.map((server) => (
          <ServerUptimeRow
            key={server.name}
            row={server}
            figures={figures}
            bar={bar}
            selected={server.name === selected}
            onSelect={onSelect}
            onReadout={(label) => setReadout(label && `${server.name} · ${label}`)}
          />
        ))}
      </div>
      <p className={styles.readout} aria-hidden="true" data-testid="uptime-readout">
        {readout ?? 'Hover a cell, or focus a bar and use the arrow keys, for its times, state and cause.'}
      </p>
    </div>
  );
}

function HeadRow({ rangeLabel, rangeShort }: { rangeLabel: string; rangeShort: string }) {
  return (
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
  );
}

/** What every row's bar shares: the range it covers and how many cells to hold while loading. */
interface BarSettings {
  generatedUntil: string | null;
  rangeLabel: string;
  placeholderCount: number;
}

interface RowProps {
  row: UptimeRowData;
  figures: ServerUptimeListProps['figures'];
  bar: BarSettings;
  /** The hovered or focused cell's text, null when none. */
  onReadout: (label: string | null) => void;
}

function BackendUptimeRow({ row, figures, bar, onReadout }: RowProps) {
  return (
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
          buckets={row.buckets}
          generatedUntil={bar.generatedUntil}
          label={`Backend uptime, ${bar.rangeLabel}`}
          placeholderCount={bar.placeholderCount}
          data-testid="uptime-bar-backend"
          onActiveChange={onReadout}
        />
      </span>
      <span role="cell" className={`num ${styles.figure} ${styles.strong}`}>
        {formatPct(row.uptimePct)}
      </span>
      <Figures name="" figures={figures} />
    </div>
  );
}

function ServerUptimeRow({
  row,
  figures,
  bar,
  selected,
  onSelect,
  onReadout,
}: RowProps & { selected: boolean; onSelect: (server: string) => void }) {
  return (
    <div
      role="row"
      className={styles.uptimeRow}
      data-selected={selected ? 'true' : undefined}
      data-testid={`server-uptime-${row.name}`}
    >
      <span role="rowheader" className={styles.rowName}>
        <button
          type="button"
          className={styles.serverButton}
          aria-pressed={selected}
          onClick={() => onSelect(row.name)}
          title={`Show ${row.name} in the charts`}
        >
          {row.name}
        </button>
        {row.backup ? <span className={styles.backupTag}>backup</span> : null}
      </span>
      <span role="cell">
        <UptimeBar
          buckets={row.buckets}
          generatedUntil={bar.generatedUntil}
          label={`${row.name} uptime, ${bar.rangeLabel}`}
          placeholderCount={bar.placeholderCount}
          data-testid={`uptime-bar-${row.name}`}
          onActiveChange={onReadout}
        />
      </span>
      <span
        role="cell"
        className={`num ${styles.figure} ${styles.strong}`}
        title={`down ${formatDuration(row.downtimeSec)}`}
      >
        {formatPct(row.uptimePct)}
      </span>
      <Figures name={row.name} figures={figures} />
    </div>
  );
}
