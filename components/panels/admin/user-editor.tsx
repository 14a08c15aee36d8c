'use client';

import { useState, type FormEvent } from 'react';
import type { Role } from '@/lib/access/roles';
import type { UserDto } from '@/lib/api/schemas/access';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { MIN_PASSWORD, passwordProblem, ROLE_OPTIONS } from './users-view';

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = edit === 'password' ? passwordProblem(password) : null;
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await onSave(edit === 'role' ? { role } : { password });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} noValidate data-testid={`user-${edit}-form`}>
      {edit === 'role' ? (
        <label className={styles.field}>
          New role for {user.name}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)} autoFocus>
            {ROLE_OPTIONS.map((option) => (
              <option key={option.role} value={option.role}>
                {option.text}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <label className={styles.field}>
          <span>
            New password for {user.name}{' '}
            <span className={styles.hint}>(at least {MIN_PASSWORD} characters)</span>
          </span>
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            minLength={MIN_PASSWORD}
            required
            autoFocus
          />
        </label>
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
      {error ? (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
