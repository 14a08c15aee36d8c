'use client';

import { useMemo, useState } from 'react';
import type { AlertDto } from '@/lib/api/alerts-dto';
import { firingGroups, recentResolved, type AlertFilter, type AlertGroup } from '../../alerts/alert-groups';
import { useAlerts } from '../../alerts/use-alerts';
import { useNow } from '../../ui/use-now';
import { EmptyState } from '../../ui/empty-state';
import { AlertFilters } from './alert-filters';
import { AlertItem } from './alert-item';
import styles from './alert-center.module.css';
import { MutesList } from './mutes-list';
import { NotificationSettings } from './notification-settings';
import { ShareButton } from '../share/share-button';
import { ALERTS_CHOICES } from '../share/share-choices';

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

      <AlertFilters filter={filter} onChange={setFilter} />

      {filter.state !== 'resolved' ? <FiringSection groups={groups} loaded={book.loaded} now={now} /> : null}

      {filter.state !== 'firing' ? <ResolvedSection alerts={resolved} now={now} /> : null}

      <MutesList now={now} />
    </div>
  );
}

function FiringSection({
  groups,
  loaded,
  now,
}: {
  groups: readonly AlertGroup[];
  loaded: boolean;
  now: number;
}) {
  return (
    <section aria-labelledby="firing-heading" className={styles.section}>
      <h2 id="firing-heading" className={styles.sectionTitle}>
        Firing <span className={styles.count}>{groups.length}</span>
      </h2>
      {!loaded ? (
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
  );
}

function ResolvedSection({ alerts, now }: { alerts: readonly AlertDto[]; now: number }) {
  return (
    <section aria-labelledby="resolved-heading" className={styles.section}>
      <h2 id="resolved-heading" className={styles.sectionTitle}>
        Resolved in the last 24 h <span className={styles.count}>{alerts.length}</span>
      </h2>
      {alerts.length === 0 ? (
        <p className={styles.muted}>None.</p>
      ) : (
        <ul className={styles.list} data-testid="resolved-list">
          {alerts.map((alert) => (
            <AlertItem key={alert.id} alert={alert} members={[]} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
