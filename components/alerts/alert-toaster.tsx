'use client';

import Link from 'next/link';
import { memo } from 'react';
import { ALERTS_PAGE } from '@/lib/api/urls';
import { formatNumber } from '../ui/format';
import { alertUrl, notificationText } from './alert-text';
import styles from './alerts-chrome.module.css';
import { OVERFLOW_KEY, type Toast, type ToastOverflow } from './toast-queue';
import { useToastStack, type ToastStore } from './use-alert-toasts';

/**
 * The in-page toasts, bottom right, newest first: a fired alert interrupts (role=alert), a resolution is polite
 * (role=status), and so is the overflow of a storm (it would interrupt every poll).
 */
export function AlertToaster({ store }: { store: ToastStore }) {
  const stack = useToastStack(store);
  const onDismiss = store.dismiss;
  return (
    <section className={styles.toaster} aria-label="Alert notifications" aria-live="polite">
      {stack.overflow ? <OverflowToast overflow={stack.overflow} onDismiss={onDismiss} /> : null}
      {stack.toasts.map((toast) => (
        <ToastView key={toast.key} toast={toast} onDismiss={onDismiss} />
      ))}
    </section>
  );
}

/** One alert's toast: drawn once, not again with each change the stack goes through. */
const ToastView = memo(function ToastView({
  toast,
  onDismiss,
}: {
  toast: Toast;
  onDismiss(key: string): void;
}) {
  const { key, event } = toast;
  const { title, body } = notificationText(event);
  return (
    <div
      className={styles.toast}
      data-change={event.change}
      data-severity={event.severity}
      data-testid="alert-toast"
      data-alert-id={event.id}
      role={event.change === 'resolved' ? 'status' : 'alert'}
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
      <DismissButton label={title} onClick={() => onDismiss(key)} />
    </div>
  );
});

function OverflowToast({ overflow, onDismiss }: { overflow: ToastOverflow; onDismiss(key: string): void }) {
  const title = overflowTitle(overflow);
  const since = clock.format(overflow.since);
  return (
    <div
      className={styles.toast}
      data-change={overflow.fired > 0 ? 'fired' : 'resolved'}
      data-testid="alert-toast-overflow"
      role="status"
    >
      <div className={styles.toastText}>
        <p className={styles.toastTitle}>{title}</p>
        <p className={styles.toastBody}>
          {formatNumber(overflow.fired)} fired, {formatNumber(overflow.resolved)} resolved since {since}
        </p>
        <p className={styles.toastLinks}>
          <Link href={ALERTS_PAGE} prefetch={false}>
            Alert center
          </Link>
        </p>
      </div>
      <DismissButton label={title} onClick={() => onDismiss(OVERFLOW_KEY)} />
    </div>
  );
}

/** The browser's own locale and zone; made once (a formatter per render costs more than the render). */
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function overflowTitle({ fired, resolved }: ToastOverflow): string {
  const changes = fired + resolved;
  return `${formatNumber(changes)} more alert ${changes === 1 ? 'change' : 'changes'}`;
}

function DismissButton({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className={styles.toastClose} aria-label={`Dismiss: ${label}`} onClick={onClick}>
      ×
    </button>
  );
}
