'use client';

import { useAlerts } from '../../alerts/use-alerts';
import { Button } from '../../ui/button';
import styles from './alert-center.module.css';

const ROLE_TEXT = {
  leader: 'This tab sends them.',
  follower: 'Another open tab sends them (one notification per change).',
  shared: 'Open tabs agree on one notification per change.',
  none: '',
} as const;

/** Desktop notifications: ask only on a click, and say plainly what a refusal means and how to undo it. */
export function NotificationSettings() {
  const { notifications } = useAlerts();
  const { permission, role } = notifications;

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
    </div>
  );
}
