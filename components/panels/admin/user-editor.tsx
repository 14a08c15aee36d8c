'use client';

import { useState } from 'react';
import type { Role } from '@/lib/access/roles';
import type { UserDto } from '@/lib/api/schemas/access';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { FormError, NewPasswordField, RoleField } from './form-parts';
import { useSubmit } from './use-submit';
import { passwordProblem } from './users-view';

export type UserEdit = 'role' | 'password';

export interface UserEditorProps {
  user: Pick<UserDto, 'name' | 'role'>;
  edit: UserEdit;
  onSave(change: { role?: Role; password?: string }): Promise<void>;
  onCancel(): void;
}

/** A new role or a new password for one user, in the row below theirs. Either ends their sessions. */
export function UserEditor({ user, edit, onSave, onCancel }: UserEditorProps) {
  const [role, setRole] = useState<Role>(user.role);
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit({
    check: () => (edit === 'password' ? passwordProblem(password) : null),
    // On success the row closes this editor.
    send: () => onSave(edit === 'role' ? { role } : { password }),
  });

  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid={`user-${edit}-form`}>
      {edit === 'role' ? (
        <RoleField label={<>New role for {user.name}</>} value={role} onChange={setRole} autoFocus />
      ) : (
        <NewPasswordField
          label={<>New password for {user.name} </>}
          value={password}
          onChange={setPassword}
          autoFocus
        />
      )}
      <Button
        type="submit"
        className={styles.primary}
        disabled={busy || (edit === 'role' && role === user.role)}
        data-testid="user-edit-save"
      >
        {edit === 'role' ? 'Change role' : 'Set password'}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <p className={styles.muted}>{user.name}’s sessions end: they sign in again.</p>
      <FormError error={error} />
    </form>
  );
}
