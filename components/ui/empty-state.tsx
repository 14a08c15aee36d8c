import type { ReactNode } from 'react';
import styles from './empty-state.module.css';

export interface EmptyStateProps {
  title: string;
  tone?: 'neutral' | 'error';
  children?: ReactNode;
  action?: ReactNode;
  'data-testid'?: string;
}

/** What to show instead of data: why there is none, and what to do about it. */
export function EmptyState({ title, tone = 'neutral', children, action, ...rest }: EmptyStateProps) {
  return (
    <div className={styles.empty} data-tone={tone} role={tone === 'error' ? 'alert' : 'status'} {...rest}>
      <p className={styles.title}>{title}</p>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action ? <div className={styles.action}>{action}</div> : null}
    </div>
  );
}
