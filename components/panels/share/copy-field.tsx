'use client';

import { useId, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import styles from './share.module.css';

/** Copies with the Clipboard API; where that is missing or refused (plain http), selects and execCommand. */
async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand('copy');
  }
}

export function CopyField({ label, value, rows = 2 }: { label: string; value: string; rows?: number }) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onCopy = async () => {
    setState((await copyText(value, ref.current)) ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 2000);
  };
  return (
    <div className={styles.field}>
      <div className={styles.fieldHead}>
        <label htmlFor={id}>{label}</label>
        <Button size="sm" onClick={onCopy} aria-describedby={`${id}-status`}>
          Copy
        </Button>
        <span id={`${id}-status`} className={styles.copyStatus} aria-live="polite">
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Press Ctrl+C to copy' : ''}
        </span>
      </div>
      <textarea
        id={id}
        ref={ref}
        className={styles.code}
        value={value}
        rows={rows}
        readOnly
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
    </div>
  );
}
