'use client';

import Link from 'next/link';
import { memo, type ReactNode } from 'react';
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
    <ToastBox
      title={title}
      body={body}
      change={event.change}
      severity={event.severity}
      testId="alert-toast"
      alertId={event.id}
      role={event.change === 'resolved' ? 'status' : 'alert'}
      onDismiss={() => onDismiss(key)}
    >
      <Link href={alertUrl(event)} prefetch={false}>
        Details
      </Link>
      <Link href={ALERTS_PAGE} prefetch={false}>
        Alert center
      </Link>
    </ToastBox>
  );
});

function OverflowToast({ overflow, onDismiss }: { overflow: ToastOverflow; onDismiss(key: string): void }) {
  return (
    <ToastBox
      title={overflowTitle(overflow)}
      body={`${formatNumber(overflow.fired)} fired, ${formatNumber(overflow.resolved)} resolved since ${clock.format(overflow.since)}`}
      change={overflow.fired > 0 ? 'fired' : 'resolved'}
      testId="alert-toast-overflow"
      role="status"
      onDismiss={() => onDismiss(OVERFLOW_KEY)}
    >
      <Link href={ALERTS_PAGE} prefetch={false}>
        Alert center
      </Link>
    </ToastBox>
  );
}

/** A toast's frame: its title, its text, its links (the children) and a button to dismiss it. */
function ToastBox(props: {
  title: string;
  body: string;
  change: string;
  severity?: string;
  testId: string;
  alertId?: string;
  role: 'alert' | 'status';
  onDismiss(): void;
  children: ReactNode;
}) {
  return (
    <div
      className={styles.toast}
      data-change={props.change}
      data-severity={props.severity}
      data-testid={props.testId}
      data-alert-id={props.alertId}
      role={props.role}
    >
      <div className={styles.toastText}>
        <p className={styles.toastTitle}>{props.title}</p>
        <p className={styles.toastBody}>{props.body}</p>
        <p className={styles.toastLinks}>{props.children}</p>
      </div>
      <button
        type="button"
        className={styles.toastClose}
        aria-label={`Dismiss: ${props.title}`}
        onClick={props.onDismiss}
      >
        ×
      </button>
    </div>
  );
}

/** The browser's own locale and zone; made once (a formatter per render costs more than the render). */
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function overflowTitle({ fired, resolved }: ToastOverflow): string {
  const changes = fired + resolved;
  return `${formatNumber(changes)} more alert ${changes === 1 ? 'change' : 'changes'}`;
}
