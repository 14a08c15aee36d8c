'use client';

import Link from 'next/link';
import { ALERTS_PAGE } from '@/lib/api/urls';
import { alertUrl, notificationText } from './alert-text';
import styles from './alerts-chrome.module.css';
import type { Toast } from './toast-queue';

/** The in-page toasts, bottom right: a fired alert interrupts (role=alert), a resolution is polite (role=status). */
export function AlertToaster({
  toasts,
  onDismiss,
}: {
  toasts: readonly Toast[];
  onDismiss(key: string): void;
}) {
  return (
    <section className={styles.toaster} aria-label="Alert notifications" aria-live="polite">
      {toasts.map(({ key, event }) => {
        const { title, body } = notificationText(event);
        const resolved = event.change === 'resolved';
        return (
          <div
            key={key}
            className={styles.toast}
            data-change={event.change}
            data-severity={event.severity}
            data-testid="alert-toast"
            data-alert-id={event.id}
            role={resolved ? 'status' : 'alert'}
          >
            <div className={styles.toastText}>
              <p className={styles.toastTitle}>{title}</p>
              <p className={styles.toastBody}>{body}</p>
              <p className={styles.toastLinks}>
                <Link href={alertUrl(event)} prefetch={false}>
                  Details
                </Link>
                <Link href={ALERTS_PAGE} prefetch={false}>
                  Alert center
                </Link>
              </p>
            </div>
            <button
              type="button"
              className={styles.toastClose}
              aria-label={`Dismiss: ${title}`}
              onClick={() => onDismiss(key)}
            >
              ×
            </button>
          </div>
        );
      })}
    </section>
  );
}
