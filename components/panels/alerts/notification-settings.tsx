'use client';

import { useSyncExternalStore } from 'react';
import { useAlerts } from '../../alerts/use-alerts';
import { Button } from '../../ui/button';
import styles from './alert-center.module.css';
import { ACK_NAME_KEY, ackName } from './time';

const ROLE_TEXT = {
  leader: 'This tab sends them.',
  follower: 'Another open tab sends them (one notification per change).',
  shared: 'Open tabs agree on one notification per change.',
  none: '',
} as const;

const NAME_EVENT = 'hapscope-ack-name';

function subscribeName(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(NAME_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(NAME_EVENT, onChange);
  };
}

/** Desktop notifications: ask only on a click, and say plainly what a refusal means and how to undo it. */
export function NotificationSettings() {
  const { notifications } = useAlerts();
  const { permission, role } = notifications;
  const name = useSyncExternalStore(
    subscribeName,
    () => ackName() ?? '',
    () => '',
  );
  const saveName = (value: string) => {
    try {
      localStorage.setItem(ACK_NAME_KEY, value);
    } catch {
      // storage disabled: acknowledgements go unsigned
    }
    window.dispatchEvent(new Event(NAME_EVENT));
  };

  return (
    <div className={styles.settings} data-testid="notification-settings" data-permission={permission}>
      {permission === 'default' ? (
        <Button onClick={() => void notifications.request()} data-testid="enable-notifications">
          Enable desktop notifications
        </Button>
      ) : permission === 'granted' ? (
        <p className={styles.muted}>
          Desktop notifications are on. <span data-testid="notifier-role">{ROLE_TEXT[role]}</span>
        </p>
      ) : permission === 'denied' ? (
        <p className={styles.notice} role="note">
          Desktop notifications are blocked for this site, so alerts show only inside this page. To allow
          them: open the site settings (the icon left of the address), set <strong>Notifications</strong> to{' '}
          <strong>Allow</strong>, then reload the page.
        </p>
      ) : (
        <p className={styles.muted}>
          This browser cannot show desktop notifications; alerts show inside the page.
        </p>
      )}
      <label className={styles.field}>
        Acknowledge as
        <input value={name} onChange={(e) => saveName(e.target.value)} placeholder="your name" size={14} />
      </label>
    </div>
  );
}
