'use client';

import { useAlertCount } from './use-alerts';
import styles from './alerts-chrome.module.css';

/** The live count next to the "Alerts" nav link; nothing at 0 or outside an alerts provider. */
export function AlertsNavBadge() {
  const count = useAlertCount();
  if (!count) return null;
  return (
    <span className={styles.navBadge} data-testid="alerts-nav-count">
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> firing</span>
    </span>
  );
}
