import type { ReactNode } from 'react';
import { EmptyState } from '../../ui/empty-state';
import styles from './admin.module.css';

/** A list as its hook reads it (SWR's fields). */
export interface ListLoad<T> {
  data?: T;
  error?: Error;
  isLoading: boolean;
}

export interface AdminListStateProps<T> {
  load: ListLoad<T>;
  /** The error's title: "Could not load the users". */
  failed: string;
  /** "Loading users…" */
  loading: string;
  /** Whether the list has nothing to show; then `empty` stands instead of it. */
  isEmpty?(data: T): boolean;
  empty?: ReactNode;
  /** The list, once read. */
  children(data: T): ReactNode;
}

/** An admin list, or why it is not there: the error, a loading line, or what to do while it is empty. */
export function AdminListState<T>({
  load,
  failed,
  loading,
  isEmpty,
  empty,
  children,
}: AdminListStateProps<T>) {
  const { data, error, isLoading } = load;
  if (error)
    return (
      <EmptyState title={failed} tone="error">
        {error.message}
      </EmptyState>
    );
  if (isLoading || !data) return <p className={styles.muted}>{loading}</p>;
  if (isEmpty?.(data)) return empty;
  return children(data);
}
