'use client';

import { useState, type FormEvent } from 'react';
import type { Role } from '@/lib/access/roles';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { MIN_PASSWORD, passwordProblem, ROLE_OPTIONS, userNameProblem } from './users-view';

export interface NewUser {
  name: string;
  role: Role;
  password: string;
}

/** Name, role and a first password (≥ 12 characters); the new user signs in with it. */
export function AddUserForm({ onAdd }: { onAdd(user: NewUser): Promise<void> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = userNameProblem(name) ?? passwordProblem(password);
    setAdded(null);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await onAdd({ name: name.trim(), role, password });
      setAdded(`Added ${name.trim()} as ${role}. Give them the password over a channel only they read.`);
      setName('');
      setPassword('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label="Add a user"
      noValidate
      data-testid="add-user-form"
    >
      <label className={styles.field}>
        User name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          required
          data-testid="new-user-name"
        />
      </label>
      <label className={styles.field}>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-user-role">
          {ROLE_OPTIONS.map((option) => (
            <option key={option.role} value={option.role}>
              {option.text}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        <span>
          Password <span className={styles.hint}>(at least {MIN_PASSWORD} characters)</span>
        </span>
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          minLength={MIN_PASSWORD}
          required
          data-testid="new-user-password"
        />
      </label>
      <Button type="submit" className={styles.primary} disabled={busy} data-testid="add-user">
        Add user
      </Button>
      {error ? (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      ) : null}
      {added ? (
        <p className={styles.done} role="status">
          {added}
        </p>
      ) : null}
    </form>
  );
}
