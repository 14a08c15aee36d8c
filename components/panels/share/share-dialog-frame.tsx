'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from '../../ui/button';
import styles from './share.module.css';

/**
 * The share dialog's shell: a native modal <dialog>, open from mount, so the page behind is inert (focus stays
 * inside) and Esc closes; a click on the backdrop or ✕ closes too. Labelled by its title.
 */
export function ShareDialogFrame({
  label,
  onClose,
  children,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) ref.current.close();
      }}
      data-testid="share-dialog"
    >
      <div className={styles.body}>
        <header className={styles.dialogHead}>
          <h2 id={titleId}>Share {label}</h2>
          <Button size="sm" variant="ghost" onClick={() => ref.current?.close()} aria-label="Close">
            ✕
          </Button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
