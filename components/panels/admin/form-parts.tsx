import type { ReactNode } from 'react';
import type { Role } from '@/lib/access/roles';
import styles from './admin.module.css';
import { MIN_PASSWORD, ROLE_OPTIONS } from './users-view';

/** A labelled field of an admin form: the words, then the control. */
export function FormField({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <label className={styles.field}>
      {label}
      {children}
    </label>
  );
}

export interface TextInputProps {
  value: string;
  onChange(value: string): void;
  testId?: string;
}

/** A user's or a token's name, as the API takes it: at most 64 characters, no autocorrect. */
export function NameField({
  label,
  value,
  onChange,
  testId,
  placeholder,
  autoCapitalize,
}: TextInputProps & { label: string; placeholder?: string; autoCapitalize?: 'none' }) {
  return (
    <FormField label={label}>
      <input
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        autoCapitalize={autoCapitalize}
        spellCheck={false}
        maxLength={64}
        required
        data-testid={testId}
      />
    </FormField>
  );
}

/** A new password, with the rule it must meet after `label` (which ends in a space). */
export function NewPasswordField({
  label,
  value,
  onChange,
  testId,
  autoFocus,
}: TextInputProps & { label: ReactNode; autoFocus?: boolean }) {
  return (
    <FormField
      label={
        <span>
          {label}
          <span className={styles.hint}>(at least {MIN_PASSWORD} characters)</span>
        </span>
      }
    >
      <input
        type="password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="new-password"
        minLength={MIN_PASSWORD}
        required
        autoFocus={autoFocus}
        data-testid={testId}
      />
    </FormField>
  );
}

export interface RoleFieldProps {
  label: ReactNode;
  value: Role;
  onChange(role: Role): void;
  testId?: string;
  autoFocus?: boolean;
}

/** The three roles, each with what it may do. */
export function RoleField({ label, value, onChange, testId, autoFocus }: RoleFieldProps) {
  return (
    <FormField label={label}>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as Role)}
        autoFocus={autoFocus}
        data-testid={testId}
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.role} value={option.role}>
            {option.text}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** Why the form was refused, read out when it appears. */
export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p className={styles.formError} role="alert">
      {error}
    </p>
  );
}
