'use client';

import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Button } from '../../ui/button';
import { ShareDialog } from './share-dialog';
import type { ShareChoice } from './share-snippets';
import styles from './share.module.css';

/** "Share" on a dashboard panel: opens the embed/badge dialog for the choices given (the first is preselected). */
export function ShareButton({ choices, label }: { choices: readonly ShareChoice[]; label: string }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  if (choices.length === 0) return null;
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className={styles.shareButton}
        onClick={(event) => {
          opener.current = event.currentTarget;
          setOpen(true);
        }}
        aria-haspopup="dialog"
        aria-label={`Share ${label}: embed or badge`}
        title="Embed this panel in a wiki, or get a badge"
        data-testid="share-button"
      >
        <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
          <path
            d="M6 3H3.5A1.5 1.5 0 0 0 2 4.5v8A1.5 1.5 0 0 0 3.5 14h8a1.5 1.5 0 0 0 1.5-1.5V10M9 2h5v5M14 2 7 9"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinecap="round"
          />
        </svg>
        <span className={styles.shareText}>Share</span>
      </Button>
      {/* In <body>, not where the button sits: a dialog inside a heading or a table row inherits its styles. */}
      {open
        ? createPortal(
            <ShareDialog
              choices={choices}
              label={label}
              onClose={() => {
                setOpen(false);
                opener.current?.focus();
              }}
            />,
            document.body,
          )
        : null}
    </>
  );
}
