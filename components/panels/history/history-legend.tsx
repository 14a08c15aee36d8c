import { TONE_COLOR } from '../../charts/chart-types';
import styles from './uptime-bar.module.css';

const BAR_STATES = [
  ['up', 'Up'],
  ['degraded', 'Backups only'],
  ['down', 'Down'],
  ['planned', 'Planned (MAINT, DRAIN)'],
  ['no-data', 'No data'],
] as const;

/** What the uptime bars' colours and stripes mean. */
export function UptimeLegend({ generated }: { generated: boolean }) {
  return (
    <ul className={styles.legend} aria-label="Uptime bar legend">
      {BAR_STATES.map(([state, text]) => (
        <li key={state}>
          <span className={`${styles.swatch} ${styles.cell}`} data-state={state} aria-hidden="true" />
          {text}
        </li>
      ))}
      {generated ? (
        <li>
          <span className={`${styles.swatch} ${styles.cell}`} data-generated="true" aria-hidden="true" />
          Generated (demo)
        </li>
      ) : null}
    </ul>
  );
}

const MARKERS = [
  ['up', 'to UP'],
  ['going-down', 'to UP, failing checks'],
  ['down', 'to DOWN'],
  ['going-up', 'to DOWN, recovering'],
  ['maint', 'to MAINT'],
  ['drain', 'to DRAIN'],
] as const;

/** What the charts' transition lines and shaded spans mean. */
export function ChartLegend() {
  return (
    <ul className={styles.legend} aria-label="Chart legend">
      {MARKERS.map(([tone, text]) => (
        <li key={tone}>
          <span className={styles.line} style={{ background: TONE_COLOR[tone] }} aria-hidden="true" />
          {text}
        </li>
      ))}
      <li>
        <span className={styles.swatch} style={{ background: 'var(--st-down-bg)' }} aria-hidden="true" />
        downtime
      </li>
      <li>
        <span className={styles.swatch} style={{ background: 'var(--surface-3)' }} aria-hidden="true" />
        no data
      </li>
    </ul>
  );
}
