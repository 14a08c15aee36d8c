'use client';

import { useState, type FormEvent } from 'react';
import type { Role } from '@/lib/access/roles';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { EXPIRY_CHOICES, type ExpiryDays } from './api-tokens-view';
import { ROLE_OPTIONS } from './users-view';

export interface NewApiToken {
  name: string;
  role: Role;
  expiresInDays: ExpiryDays;
}

/** A name (what will use it), a role, an expiry. The secret comes back once, shown by the panel. */
export function CreateTokenForm({ onCreate }: { onCreate(token: NewApiToken): Promise<void> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [expiry, setExpiry] = useState<ExpiryDays>(90);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError('Name the token after what will use it, e.g. “ci” or “grafana”.');
    setBusy(true);
    setError(null);
    try {
      await onCreate({ name: name.trim(), role, expiresInDays: expiry });
      setName('');
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
      aria-label="Create an API token"
      noValidate
      data-testid="create-token-form"
    >
      <label className={styles.field}>
        Name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="ci"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          required
          data-testid="new-token-name"
        />
      </label>
      <label className={styles.field}>
        Role
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-token-role">
          {ROLE_OPTIONS.map((option) => (
            <option key={option.role} value={option.role}>
              {option.text}
            </option>
          ))}
        </select>
      </label>
      <label className={styles.field}>
        Expires
        <select
          value={expiry === null ? 'never' : String(expiry)}
          onChange={(e) => setExpiry(expiryChoice(e.target.value))}
          data-testid="new-token-expiry"
        >
          {EXPIRY_CHOICES.map((choice) => (
            <option key={choice.label} value={choice.days === null ? 'never' : String(choice.days)}>
              {choice.days === null ? choice.label : `in ${choice.label}`}
            </option>
          ))}
        </select>
      </label>
      <Button type="submit" className={styles.primary} disabled={busy} data-testid="create-token">
        Create token
      </Button>
      {error ? (
        <p className={styles.formError} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}

const expiryChoice = (value: string): ExpiryDays =>
  EXPIRY_CHOICES.find((choice) => String(choice.days ?? 'never') === value)?.days ?? null;
