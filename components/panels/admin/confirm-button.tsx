'use client';

import { useRef, useState } from 'react';
import { Button } from '../../ui/button';
import styles from './admin.module.css';
import { useSubmit } from './use-submit';

export interface ConfirmButtonProps {
  /** The button's text: "Remove", "Revoke". */
  label: string;
  /** The question asked before doing it: "Remove alice? Their sessions end." */
  question: string;
  /** The accessible name of the first button when the label alone is ambiguous: "Remove alice". */
  ariaLabel?: string;
  onConfirm(): Promise<void>;
  testId?: string;
}

/**
 * A destructive action in two steps, in place: the button turns into the question with "Yes, <label>" and
 * "Cancel" (focus moves to Cancel, the safe choice). A failure says why beside it.
 */
export function ConfirmButton({ label, question, ariaLabel, onConfirm, testId }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  const confirm = useSubmit({
    send: async () => {
      await onConfirm();
      setAsking(false);
    },
  });
  const cancel = () => {
    setAsking(false);
    confirm.setError(null);
    // The first button comes back on the next render; give it focus so the keyboard user stays put.
    requestAnimationFrame(() => first.current?.focus());
  };

  if (!asking)
    return (
      <Button
        ref={first}
        size="sm"
        className={styles.danger}
        aria-label={ariaLabel}
        onClick={() => setAsking(true)}
        data-testid={testId}
      >
        {label}
      </Button>
    );
  return (
    <span className={styles.confirm} role="group" aria-label={question}>
      <span className={styles.confirmText}>{question}</span>
      <span className={styles.confirmButtons}>
        <Button
          size="sm"
          className={styles.danger}
          onClick={() => void confirm.submit()}
          disabled={confirm.busy}
          data-testid={testId && `${testId}-confirm`}
        >
          Yes, {label.toLowerCase()}
        </Button>
        <Button size="sm" variant="ghost" onClick={cancel} autoFocus>
          Cancel
        </Button>
      </span>
      {confirm.error ? (
        <span className={styles.fieldError} role="alert">
          {confirm.error}
        </span>
      ) : null}
    </span>
  );
}
