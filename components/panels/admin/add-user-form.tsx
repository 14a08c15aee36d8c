'use client';

import { useState } from 'react';
import type { Role } from '@/lib/access/roles';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { FormError, NameField, NewPasswordField, RoleField } from './form-parts';
import { useSubmit } from './use-submit';
import { passwordProblem, userNameProblem } from './users-view';

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
  const [added, setAdded] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit({
    check: () => userNameProblem(name) ?? passwordProblem(password),
    send: async () => {
      await onAdd({ name: name.trim(), role, password });
      setAdded(`Added ${name.trim()} as ${role}. Give them the password over a channel only they read.`);
      setName('');
      setPassword('');
    },
  });

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        setAdded(null);
        return submit(event);
      }}
      aria-label="Add a user"
      noValidate
      data-testid="add-user-form"
    >
      <NameField
        label="User name"
        value={name}
        onChange={setName}
        autoCapitalize="none"
        testId="new-user-name"
      />
      <RoleField label="Role" value={role} onChange={setRole} testId="new-user-role" />
      <NewPasswordField
        label="Password "
        value={password}
        onChange={setPassword}
        testId="new-user-password"
      />
      <Button type="submit" className={styles.primary} disabled={busy} data-testid="add-user">
        Add user
      </Button>
      <FormError error={error} />
      {added ? (
        <p className={styles.done} role="status">
          {added}
        </p>
      ) : null}
    </form>
  );
}
