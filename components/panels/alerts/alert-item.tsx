'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { AlertDto } from '@/lib/api/alerts-dto';
import { alertUrl, kindLabel, targetLabel } from '../../alerts/alert-text';
import { useAlerts } from '../../alerts/use-alerts';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { useAccess } from '../../shell/access-context';
import { AlertHistoryLog, AlertMeta } from './alert-details';
import { alertControls, type AlertControls } from './alert-controls';
import { activeMuteUntil, alertBadgeView, coveringMute } from './alert-item-view';
import styles from './alert-center.module.css';
import { MuteForm } from './mute-form';
import { formatTime } from './time';

/** One alert: what, where, since when, who acknowledged it, its change log; members nest under a group. */
export function AlertItem({
  alert,
  members,
  now,
}: {
  alert: AlertDto;
  members: readonly AlertDto[];
  now: number;
}) {
  const { error, acknowledge } = useAcknowledge(alert.id);
  const { book } = useAlerts();
  const [muting, setMuting] = useState(false);
  const controls = alertControls(
    { firing: alert.state === 'firing', acknowledged: Boolean(alert.acknowledgedAt) },
    useAccess().can('operator'),
  );
  return (
    <li
      className={styles.item}
      data-testid="alert-item"
      data-alert-id={alert.id}
      data-kind={alert.kind}
      data-state={alert.state}
      data-severity={alert.severity}
    >
      <div className={styles.itemMain}>
        <AlertHead alert={alert} now={now} />
        <p className={styles.summary}>{alert.summary}</p>
        <AlertMeta
          alert={alert}
          now={now}
          mute={alert.state === 'firing' ? coveringMute(alert, book.mutes, now) : null}
        />
        <AlertHistoryLog alert={alert} />
        {error ? (
          <p className={styles.error} role="alert">
            {error}
          </p>
        ) : null}
        {muting && controls.mute ? <MuteForm target={alert.target} onDone={() => setMuting(false)} /> : null}
      </div>
      <AlertActions
        controls={controls}
        onAcknowledge={acknowledge}
        muting={muting}
        onToggleMute={() => setMuting(!muting)}
      />
      {members.length > 0 ? <AlertMembers group={alert} members={members} now={now} /> : null}
    </li>
  );
}

/** Acknowledges the alert as the signed-in person; `error` says why it failed. */
function useAcknowledge(id: string) {
  const { acknowledge } = useAlerts();
  const [error, setError] = useState<string | null>(null);
  const ack = async () => {
    setError(null);
    try {
      await acknowledge(id);
    } catch (e) {
      setError(`Could not acknowledge: ${(e as Error).message}`);
    }
  };
  return { error, acknowledge: ack };
}

function AlertHead({ alert, now }: { alert: AlertDto; now: number }) {
  const badge = alertBadgeView(alert);
  const mutedUntil = activeMuteUntil(alert, now);
  return (
    <div className={styles.itemHead}>
      <Badge tone={badge.tone} shape={badge.shape} size="sm">
        {badge.text}
      </Badge>
      <span className={styles.kind}>{kindLabel(alert.kind)}</span>
      <Link href={alertUrl(alert)} className={styles.target}>
        {targetLabel(alert)}
      </Link>
      {mutedUntil ? (
        <Badge tone="maint" size="sm" title={`Muted until ${formatTime(mutedUntil)}`}>
          muted
        </Badge>
      ) : null}
    </div>
  );
}

/** Acknowledge and Mute for those who may; for a viewer, a note saying who can. */
function AlertActions({
  controls,
  onAcknowledge,
  muting,
  onToggleMute,
}: {
  controls: AlertControls;
  onAcknowledge: () => void;
  muting: boolean;
  onToggleMute: () => void;
}) {
  if (controls.note)
    return (
      <p className={styles.roleNote} data-testid="alert-role-note">
        {controls.note}
      </p>
    );
  if (!controls.acknowledge && !controls.mute) return null;
  return (
    <div className={styles.actions}>
      {controls.acknowledge ? (
        <Button size="sm" onClick={onAcknowledge} data-testid="ack-button">
          Acknowledge
        </Button>
      ) : null}
      {controls.mute ? (
        <Button size="sm" aria-expanded={muting} onClick={onToggleMute} data-testid="mute-button">
          Mute…
        </Button>
      ) : null}
    </div>
  );
}

function AlertMembers({
  group,
  members,
  now,
}: {
  group: AlertDto;
  members: readonly AlertDto[];
  now: number;
}) {
  return (
    <ul
      className={styles.members}
      aria-label={`Grouped under ${targetLabel(group)}`}
      data-testid="alert-members"
    >
      {members.map((member) => (
        <AlertItem key={member.id} alert={member} members={[]} now={now} />
      ))}
    </ul>
  );
}
