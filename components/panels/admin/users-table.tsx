'use client';

import { Fragment, useState } from 'react';
import type { Role } from '@/lib/access/roles';
import type { UserDto } from '@/lib/api/schemas/access';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { AdminTable, CreatedCell, LastUsedCell } from './admin-table';
import styles from './admin.module.css';
import { ConfirmButton } from './confirm-button';
import { UserEditor, type UserEdit } from './user-editor';

export interface UsersTableProps {
  users: readonly UserDto[];
  /** The signed-in admin's name: their row says "(you)". */
  self: string;
  now: number;
  onUpdate(name: string, change: { role?: Role; password?: string }): Promise<void>;
  onRemove(name: string): Promise<void>;
}

const COLUMNS = ['Name', 'Role', 'Created', 'Last sign-in'] as const;

/** hapscope's own users: role, when added and by whom, last sign-in; change role, reset password, remove. */
export function UsersTable({ users, self, now, onUpdate, onRemove }: UsersTableProps) {
  const [editing, setEditing] = useState<{ name: string; edit: UserEdit } | null>(null);
  return (
    <AdminTable testId="users-table" columns={COLUMNS} actions>
      {users.map((user) => {
        const open = editing?.name === user.name ? editing.edit : null;
        const toggle = (edit: UserEdit) => setEditing(open === edit ? null : { name: user.name, edit });
        return (
          <Fragment key={user.name}>
            <tr data-testid="user-row" data-user={user.name}>
              <td className={styles.name}>
                {user.name}
                {user.name === self ? <span className={styles.you}>(you)</span> : null}
              </td>
              <td>
                <Badge tone={user.role === 'admin' ? 'going-up' : 'neutral'} size="sm">
                  {user.role}
                </Badge>
              </td>
              <CreatedCell at={user.createdAt} by={user.createdBy} />
              <LastUsedCell at={user.lastSignInAt} now={now} />
              <td>
                <div className={styles.rowActions}>
                  <Button
                    size="sm"
                    aria-expanded={open === 'role'}
                    aria-label={`Change role of ${user.name}`}
                    onClick={() => toggle('role')}
                  >
                    Change role…
                  </Button>
                  <Button
                    size="sm"
                    aria-expanded={open === 'password'}
                    aria-label={`Reset password of ${user.name}`}
                    onClick={() => toggle('password')}
                  >
                    Reset password…
                  </Button>
                  <ConfirmButton
                    label="Remove"
                    ariaLabel={`Remove ${user.name}`}
                    question={`Remove ${user.name}${user.name === self ? ' (you)' : ''}?`}
                    onConfirm={() => onRemove(user.name)}
                    testId="remove-user"
                  />
                </div>
              </td>
            </tr>
            {open ? (
              <tr className={styles.editorRow}>
                <td colSpan={COLUMNS.length + 1}>
                  <UserEditor
                    user={user}
                    edit={open}
                    onSave={async (change) => {
                      await onUpdate(user.name, change);
                      setEditing(null);
                    }}
                    onCancel={() => setEditing(null)}
                  />
                </td>
              </tr>
            ) : null}
          </Fragment>
        );
      })}
    </AdminTable>
  );
}
