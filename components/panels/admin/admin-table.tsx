import type { ReactNode } from 'react';
import type { ApiTokenDto } from '@/lib/api/schemas/access';
import { Badge } from '../../ui/badge';
import { ago, formatWhen } from './admin-time';
import styles from './admin.module.css';
import { tokenStateView } from './api-tokens-view';
import { ConfirmButton } from './confirm-button';

export interface AdminTableProps {
  testId: string;
  /** The column headings, left to right. */
  columns: readonly string[];
  /** A last column of row actions, headed for screen readers only. */
  actions?: boolean;
  /** The rows. */
  children: ReactNode;
}

/** An admin list: the scrolling frame, the headings, the rows. */
export function AdminTable({ testId, columns, actions = false, children }: AdminTableProps) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** When it was made, and by whom when known. */
export function CreatedCell({ at, by }: { at: string; by: string | null }) {
  return (
    <td>
      <span className={styles.when}>{formatWhen(at)}</span>
      {by ? <span className={styles.sub}>by {by}</span> : null}
    </td>
  );
}

/** How long since it was last used ("never"), the exact time on hover. */
export function LastUsedCell({ at, now }: { at: string | null; now: number }) {
  return <td title={at ? formatWhen(at) : undefined}>{ago(at, now)}</td>;
}

type Revocable = Pick<ApiTokenDto, 'state' | 'expiresAt' | 'revokedAt' | 'revokedBy'>;

/** An API token's or share link's state, and once it no longer works, since when and why. */
export function RevocableStateCell({ item, now }: { item: Revocable; now: number }) {
  const state = tokenStateView(item, now);
  return (
    <td>
      <Badge tone={state.tone} size="sm">
        {state.label}
      </Badge>
      {item.state !== 'active' ? <span className={styles.sub}>{state.detail}</span> : null}
    </td>
  );
}

export interface RevokeButtonProps {
  item: Pick<ApiTokenDto, 'id' | 'state'>;
  ariaLabel: string;
  question: string;
  onRevoke(id: string): Promise<void>;
  testId: string;
}

/** Revoke, asked twice; nothing once it no longer works. */
export function RevokeButton({ item, ariaLabel, question, onRevoke, testId }: RevokeButtonProps) {
  if (item.state !== 'active') return null;
  return (
    <ConfirmButton
      label="Revoke"
      ariaLabel={ariaLabel}
      question={question}
      onConfirm={() => onRevoke(item.id)}
      testId={testId}
    />
  );
}
