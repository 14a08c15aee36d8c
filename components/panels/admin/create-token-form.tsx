'use client';

import { useState } from 'react';
import type { Role } from '@/lib/access/roles';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { EXPIRY_CHOICES, type ExpiryDays } from './api-tokens-view';
import { FormError, FormField, NameField, RoleField } from './form-parts';
import { useSubmit } from './use-submit';

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
  const { busy, error, submit } = useSubmit({
    check: () => (name.trim() ? null : 'Name the token after what will use it, e.g. “ci” or “grafana”.'),
    send: async () => {
      await onCreate({ name: name.trim(), role, expiresInDays: expiry });
      setName('');
    },
  });

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label="Create an API token"
      noValidate
      data-testid="create-token-form"
    >
      <NameField label="Name" value={name} onChange={setName} placeholder="ci" testId="new-token-name" />
      <RoleField label="Role" value={role} onChange={setRole} testId="new-token-role" />
      <FormField label="Expires">
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
      </FormField>
      <Button type="submit" className={styles.primary} disabled={busy} data-testid="create-token">
        Create token
      </Button>
      <FormError error={error} />
    </form>
  );
}

const expiryChoice = (value: string): ExpiryDays =>
  EXPIRY_CHOICES.find((choice) => String(choice.days ?? 'never') === value)?.days ?? null;
