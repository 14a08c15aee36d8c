'use client';

import { useMemo, useState } from 'react';
import { ALERT_KINDS } from '@/lib/alerts/types';
import { firingGroups, recentResolved, type AlertFilter, type StateFilter } from '../../alerts/alert-groups';
import { kindLabel } from '../../alerts/alert-text';
import { useAlerts } from '../../alerts/use-alerts';
import { useNow } from '../../ui/use-now';
import { EmptyState } from '../../ui/empty-state';
import { AlertItem } from './alert-item';
import styles from './alert-center.module.css';
import { MutesList } from './mutes-list';
import { NotificationSettings } from './notification-settings';
import { ShareButton } from '../share/share-button';
import { ALERTS_CHOICES } from '../share/share-choices';

const STATES: readonly StateFilter[] = ['all', 'firing', 'resolved'];

/** The alert center: what fires now (grouped), what resolved in the last 24 h, mutes, and notification settings. */
export function AlertCenter() {
  const { book } = useAlerts();
  const now = useNow(5_000);
  const [filter, setFilter] = useState<AlertFilter>({ kind: 'all', state: 'all' });
  const groups = useMemo(() => firingGroups(book.alerts.values(), filter), [book.alerts, filter]);
  const resolved = useMemo(
    () => recentResolved(book.alerts.values(), now, filter),
    [book.alerts, now, filter],
  );

  return (
    <div className={styles.center} data-testid="alert-center">
      <header className={styles.header}>
        <h1 className={styles.title}>Alerts</h1>
        <ShareButton label="firing alerts" choices={ALERTS_CHOICES} />
        <NotificationSettings />
      </header>

      <div className={styles.filters} role="group" aria-label="Filter alerts">
        <label className={styles.filter}>
          Kind
          <select
            data-testid="filter-kind"
            value={filter.kind}
            onChange={(e) => setFilter({ ...filter, kind: e.target.value as AlertFilter['kind'] })}
          >
            <option value="all">All kinds</option>
            {ALERT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        </label>
        <div className={styles.segmented} role="group" aria-label="State" data-testid="filter-state">
          {STATES.map((state) => (
            <button
              key={state}
              type="button"
              aria-pressed={filter.state === state}
              onClick={() => setFilter({ ...filter, state })}
            >
              {state === 'all' ? 'All' : state === 'firing' ? 'Firing' : 'Resolved'}
            </button>
          ))}
        </div>
      </div>

      {filter.state !== 'resolved' ? (
        <section aria-labelledby="firing-heading" className={styles.section}>
          <h2 id="firing-heading" className={styles.sectionTitle}>
            Firing <span className={styles.count}>{groups.length}</span>
          </h2>
          {!book.loaded ? (
            <p className={styles.muted}>Loading alerts…</p>
          ) : groups.length === 0 ? (
            <EmptyState title="Nothing is firing" data-testid="no-firing">
              Alerts appear here as soon as a rule fires; this page updates live.
            </EmptyState>
          ) : (
            <ul className={styles.list} data-testid="firing-list">
              {groups.map((group) => (
                <AlertItem key={group.alert.id} alert={group.alert} members={group.members} now={now} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {filter.state !== 'firing' ? (
        <section aria-labelledby="resolved-heading" className={styles.section}>
          <h2 id="resolved-heading" className={styles.sectionTitle}>
            Resolved in the last 24 h <span className={styles.count}>{resolved.length}</span>
          </h2>
          {resolved.length === 0 ? (
            <p className={styles.muted}>None.</p>
          ) : (
            <ul className={styles.list} data-testid="resolved-list">
              {resolved.map((alert) => (
                <AlertItem key={alert.id} alert={alert} members={[]} now={now} />
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <MutesList now={now} />
    </div>
  );
}
